#pragma once
// CardNumber: what both the desktop app and the sandbox gateway need to know about a card number
// by itself — digits only, the Luhn check, the brand, the last four and the 4-4-4-4 grouping.
// Pure functions, any thread; nothing here stores or logs a number.

#include <QString>

namespace encore::card {

// The digits of `text` with spaces and dashes removed; empty when anything else is in it.
QString digitsOf(const QString &text);
// True for 12..19 digits passing the Luhn checksum.
bool isValidNumber(const QString &digits);
// "VISA", "MASTERCARD", "AMEX", "JCB", "BC" (Korean domestic) or "CARD".
QString brandOf(const QString &digits);
QString lastFour(const QString &digits);
// "4242 4242 4242 4242" (groups of four; Amex 4-6-5).
QString grouped(const QString &digits);
// An expiry month/year in the future of `today` (the card is valid through its last day).
bool isFutureExpiry(int month, int year, int todayMonth, int todayYear);

} // namespace encore::card
