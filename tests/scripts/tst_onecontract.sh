#!/usr/bin/env bash
# tst_onecontract: keeps issue 8's "one contract" true in the sources.
#   1. Every API path comes from shared/apipaths.h: no string literal outside it holds "/api/v1"
#      (comments may name paths).
#   2. No JSON key of the API is written as a literal in both server/ and client/: the shared
#      types, the word tables and the key constants of shared/ name them once. The words below are
#      the literals both sides have that are not API keys (each with its reason); a new word in
#      both fails until it moves to shared/ or is listed here with a reason; a listed word no
#      longer in both fails too, so the list stays exact.
#
#   tests/scripts/tst_onecontract.sh SOURCE_DIR
set -uo pipefail

root=${1:?usage: tst_onecontract.sh SOURCE_DIR}
cd "$root" || exit 2
failures=0

# report FINDINGS PASS-TEXT FAIL-TEXT: one verdict line, and the findings under a failure.
report() {
    if [[ -n $1 ]]; then
        echo "FAIL: $3"
        printf '%s' "$1"
        failures=$((failures + 1))
    else
        echo "PASS: $2"
    fi
}

# word: why both sides may write it
allowed=(
    "A R S VIP:price tier names (the client's are sample data for screenshots)"
    "DIR FILE URL:value names of command-line options"
    "amount paymentKey:the client's QSettings keys of a pending card top-up; the server's are field names in validation details and a card refund's audit entry"
    "ok:the /healthz body's value on the server; a widget style state in the client"
    "status reason:the client's own details of a failure that never reached the server (network, a non-API answer)"
    "seats:the server's NOTIFY payload and a validation field name; a screenshot file name in the client"
)

# 1. Paths.
paths=""
while IFS= read -r hit; do
    code=${hit#*:}
    code=${code#*:}
    code=$(sed -E 's#(^|[[:space:]])//.*$##' <<<"$code") # drop a trailing comment
    [[ $code =~ \"[^\"]*/api/v1 ]] && paths+="$hit"$'\n'
done < <(grep -rnE --include='*.cpp' --include='*.h' '/api/v1' server client tests tools shared \
             | grep -v '^shared/apipaths.h:')
report "$paths" "every API path comes from shared/apipaths.h" \
    "API paths written outside shared/apipaths.h (use its builders):"

# 2. JSON keys written in both server/ and client/.
keys() { grep -rhoE --include='*.cpp' --include='*.h' 'u"[a-zA-Z]+"_s' "$1" | sed -E 's/^u"(.*)"_s$/\1/' | sort -u; }
known=" "
for entry in "${allowed[@]}"; do
    known+="${entry%%:*} "
done
unexplained=""
while IFS= read -r word; do
    [[ -z $word || $known == *" $word "* ]] && continue
    unexplained+="  $word: $(grep -rlE --include='*.cpp' --include='*.h' "u\"$word\"_s" server client | tr '\n' ' ')"$'\n'
done < <(comm -12 <(keys server) <(keys client))
report "$unexplained" "no API key is written in both server/ and client/" \
    "literals written in both server/ and client/ (move API keys into shared/):"

both=" $(comm -12 <(keys server) <(keys client) | tr '\n' ' ') "
stale=""
for word in $known; do
    [[ $both == *" $word "* ]] || stale+="  $word"$'\n'
done
report "$stale" "every listed exception is still written on both sides" \
    "listed exceptions no longer written on both sides (drop them from the list):"

exit $failures
