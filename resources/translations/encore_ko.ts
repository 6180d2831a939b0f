<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en_US">
<context>
    <name>DisplayText</name>
    <message>
        <source>available</source>
        <translation>예매 가능</translation>
    </message>
    <message>
        <source>held</source>
        <translation>선점됨</translation>
    </message>
    <message>
        <source>sold</source>
        <translation>판매 완료</translation>
    </message>
    <message>
        <source>not for sale</source>
        <translation>판매 안 함</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>선점 중</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>결제 완료</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>만료됨</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>환불됨</translation>
    </message>
    <message>
        <source>Top-up</source>
        <translation>충전</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>결제</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>환불</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>ddd d MMM yyyy, HH:mm</source>
        <comment>date-time format</comment>
        <translation>yyyy년 M월 d일 (ddd) HH:mm</translation>
    </message>
    <message>
        <source>less than a minute</source>
        <translation>1분 이내</translation>
    </message>
    <message numerus="yes">
        <source>about %n min</source>
        <translation>
            <numerusform>약 %n분</numerusform>
        </translation>
    </message>
    <message>
        <source>your ticket</source>
        <translation>내 티켓</translation>
    </message>
    <message>
        <source>held by you</source>
        <translation>내가 선점함</translation>
    </message>
    <message>
        <source>selected</source>
        <translation>선택됨</translation>
    </message>
    <message>
        <source>Seat %1</source>
        <translation>%1번 좌석</translation>
    </message>
    <message>
        <source>%1–%2 min</source>
        <translation>%1~%2분</translation>
    </message>
    <message>
        <source>Adjustment by staff</source>
        <translation>직원 조정</translation>
    </message>
    <message>
        <source>Based on how fast the line moved in the last minute.</source>
        <translation>최근 1분 동안 줄이 줄어든 속도로 계산한 예상입니다.</translation>
    </message>
    <message>
        <source>The estimate is still being measured and will settle soon.</source>
        <translation>예상 시간을 측정하는 중이며 곧 안정됩니다.</translation>
    </message>
    <message>
        <source>The organiser just changed how fast people are let in; the estimate follows the new pace.</source>
        <translation>주최 측이 방금 입장 속도를 바꿨습니다. 예상 시간은 새 속도를 따릅니다.</translation>
    </message>
    <message>
        <source>Everyone admitted is still choosing seats; places free up as they finish.</source>
        <translation>입장한 분들이 아직 좌석을 고르는 중입니다. 선택이 끝나는 대로 자리가 납니다.</translation>
    </message>
    <message>
        <source>Admission is paused by the organiser for now; your place is kept.</source>
        <translation>주최 측이 입장을 잠시 멈췄습니다. 대기 순서는 유지됩니다.</translation>
    </message>
    <message>
        <source>It&apos;s your turn.</source>
        <translation>고객님 차례입니다.</translation>
    </message>
    <message>
        <source>Your estimated wait just went up.</source>
        <translation>예상 대기 시간이 방금 늘었습니다.</translation>
    </message>
    <message>
        <source>Your estimated wait just went down.</source>
        <translation>예상 대기 시간이 방금 줄었습니다.</translation>
    </message>
    <message>
        <source>Top-up returned to card</source>
        <translation>카드로 충전 취소</translation>
    </message>
    <message>
        <source>Everyone who joins before sales open gets a random place at the opening, ahead of everyone who joins later.</source>
        <translation>판매 시작 전에 들어온 분은 모두 시작할 때 무작위로 순서를 받으며, 그 뒤에 들어온 분보다 앞섭니다.</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <source>Offered to you</source>
        <translation>회원님께 제안됨</translation>
    </message>
    <message>
        <source>Bought</source>
        <translation>구매함</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>거절함</translation>
    </message>
    <message>
        <source>Offer ran out</source>
        <translation>제안 시간 만료</translation>
    </message>
    <message>
        <source>Left the list</source>
        <translation>대기 취소</translation>
    </message>
    <message>
        <source>Cleared by the box office</source>
        <translation>매표소에서 정리함</translation>
    </message>
    <message>
        <source>any %1 seat</source>
        <translation>%1석 아무 좌석</translation>
    </message>
    <message numerus="yes">
        <source>seat(s) %1</source>
        <translation>
            <numerusform>%1번 좌석</numerusform>
        </translation>
    </message>
    <message>
        <source>offered to you — pay before the offer runs out</source>
        <translation>회원님께 제안된 좌석 — 제안 시간 안에 결제하세요</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>less than a minute</source>
        <translation>1분 이내</translation>
    </message>
    <message numerus="yes">
        <source>about %n minute(s)</source>
        <translation>
            <numerusform>약 %n분</numerusform>
        </translation>
    </message>
    <message>
        <source>Some of the information entered is not valid.</source>
        <translation>입력한 정보 중 올바르지 않은 항목이 있습니다.</translation>
    </message>
    <message>
        <source>Please check what you entered: %1</source>
        <translation>입력한 내용을 확인해 주세요: %1</translation>
    </message>
    <message>
        <source>Correct it and try again.</source>
        <translation>수정한 뒤 다시 시도해 주세요.</translation>
    </message>
    <message>
        <source>Your session has ended.</source>
        <translation>로그인 세션이 만료되었습니다.</translation>
    </message>
    <message>
        <source>Please log in again.</source>
        <translation>다시 로그인해 주세요.</translation>
    </message>
    <message>
        <source>Your account is not allowed to do this.</source>
        <translation>이 계정으로는 할 수 없는 작업입니다.</translation>
    </message>
    <message>
        <source>It is not your turn to pick seats yet, or your turn has ended.</source>
        <translation>아직 좌석을 고를 차례가 아니거나 차례가 끝났습니다.</translation>
    </message>
    <message>
        <source>Your place in the queue is kept; expected wait: %1.</source>
        <translation>대기열 순서는 그대로 유지됩니다. 예상 대기 시간: %1.</translation>
    </message>
    <message>
        <source>Join the queue again to get a new turn.</source>
        <translation>대기열에 다시 참여하면 새 차례를 받을 수 있습니다.</translation>
    </message>
    <message>
        <source>This item no longer exists.</source>
        <translation>더 이상 존재하지 않는 항목입니다.</translation>
    </message>
    <message>
        <source>The list has been refreshed.</source>
        <translation>목록을 새로 고쳤습니다.</translation>
    </message>
    <message>
        <source>This cannot be done in the current state.</source>
        <translation>현재 상태에서는 할 수 없는 작업입니다.</translation>
    </message>
    <message>
        <source>The view has been refreshed; please check and try again.</source>
        <translation>화면을 새로 고쳤습니다. 확인한 뒤 다시 시도해 주세요.</translation>
    </message>
    <message>
        <source>Someone else just took some of these seats.</source>
        <translation>다른 분이 방금 일부 좌석을 선택했습니다.</translation>
    </message>
    <message>
        <source>Someone else just took seat(s) %1.</source>
        <translation>다른 분이 방금 %1번 좌석을 선택했습니다.</translation>
    </message>
    <message>
        <source>Please pick other seats; the map shows what is still free.</source>
        <translation>다른 좌석을 골라 주세요. 좌석 배치도에 남은 좌석이 표시됩니다.</translation>
    </message>
    <message>
        <source>Your hold on these seats has expired and they were released.</source>
        <translation>좌석 선점 시간이 만료되어 좌석이 해제되었습니다.</translation>
    </message>
    <message>
        <source>Pick seats again to hold them.</source>
        <translation>좌석을 다시 골라 선점해 주세요.</translation>
    </message>
    <message>
        <source>Your wallet has %1 but this needs %2.</source>
        <translation>지갑 잔액은 %1이지만 %2이 필요합니다.</translation>
    </message>
    <message>
        <source>Your wallet balance is too low for this.</source>
        <translation>지갑 잔액이 부족합니다.</translation>
    </message>
    <message>
        <source>Top up your wallet, then try again.</source>
        <translation>지갑을 충전한 뒤 다시 시도해 주세요.</translation>
    </message>
    <message>
        <source>This request was already sent with different details.</source>
        <translation>이 요청은 이미 다른 내용으로 보내졌습니다.</translation>
    </message>
    <message>
        <source>Please start the action again.</source>
        <translation>처음부터 다시 진행해 주세요.</translation>
    </message>
    <message>
        <source>What you sent is too large.</source>
        <translation>보낸 내용이 너무 큽니다.</translation>
    </message>
    <message>
        <source>Too many attempts in a short time.</source>
        <translation>짧은 시간에 너무 많이 시도했습니다.</translation>
    </message>
    <message>
        <source>Please wait a moment and try again.</source>
        <translation>잠시 후 다시 시도해 주세요.</translation>
    </message>
    <message>
        <source>The service is busy or restarting.</source>
        <translation>서비스가 혼잡하거나 다시 시작하는 중입니다.</translation>
    </message>
    <message>
        <source>Check your connection; Encore keeps retrying and you can try again.</source>
        <translation>인터넷 연결을 확인해 주세요. Encore가 계속 재시도하며, 직접 다시 시도할 수도 있습니다.</translation>
    </message>
    <message>
        <source>Something went wrong on our side.</source>
        <translation>서버에서 문제가 발생했습니다.</translation>
    </message>
    <message>
        <source>Please try again in a moment.</source>
        <translation>잠시 후 다시 시도해 주세요.</translation>
    </message>
    <message>
        <source>Please try again in a moment. If it keeps happening, quote reference %1 to support.</source>
        <translation>잠시 후 다시 시도해 주세요. 계속 발생하면 고객센터에 참조 번호 %1을 알려 주세요.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>다시 시도</translation>
    </message>
    <message>
        <source>Top up wallet</source>
        <translation>지갑 충전</translation>
    </message>
    <message>
        <source>Back to seats</source>
        <translation>좌석으로 돌아가기</translation>
    </message>
    <message>
        <source>Rejoin queue</source>
        <translation>대기열 다시 참여</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>로그인</translation>
    </message>
    <message>
        <source>Your card was not charged. Try another card or check its details.</source>
        <translation>카드는 청구되지 않았습니다. 다른 카드를 사용하거나 카드 정보를 확인해 주세요.</translation>
    </message>
    <message>
        <source>Your card company declined the payment.</source>
        <translation>카드사에서 결제를 거절했습니다.</translation>
    </message>
    <message>
        <source>The card&apos;s balance or credit limit is too low for this amount.</source>
        <translation>카드 잔액 또는 한도가 이 금액에 부족합니다.</translation>
    </message>
    <message>
        <source>The card number is not valid.</source>
        <translation>카드 번호가 올바르지 않습니다.</translation>
    </message>
    <message>
        <source>The card has expired.</source>
        <translation>유효기간이 지난 카드입니다.</translation>
    </message>
    <message>
        <source>The security code (CVC) is not valid.</source>
        <translation>보안 코드(CVC)가 올바르지 않습니다.</translation>
    </message>
    <message>
        <source>The one-time code is not correct.</source>
        <translation>일회용 인증번호가 올바르지 않습니다.</translation>
    </message>
    <message>
        <source>The card&apos;s second confirmation step was not finished.</source>
        <translation>카드의 추가 인증 단계가 완료되지 않았습니다.</translation>
    </message>
    <message>
        <source>The card payment was declined: %1</source>
        <translation>카드 결제가 거절되었습니다: %1</translation>
    </message>
    <message>
        <source>The card payment was declined.</source>
        <translation>카드 결제가 거절되었습니다.</translation>
    </message>
    <message numerus="yes">
        <source>The queue for this date opens at %1, %n minute(s) before sales open.</source>
        <translation>
            <numerusform>이 회차의 대기열은 판매 시작 %n분 전인 %1에 열립니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Please come back then.</source>
        <translation>그때 다시 와 주세요.</translation>
    </message>
</context>
<context>
    <name>encore::AdminWindow</name>
    <message>
        <source>Export CSV</source>
        <translation>CSV 내보내기</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 파일을 쓸 수 없습니다: %2</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1.</source>
        <translation>
            <numerusform>%n개 행을 %1 파일로 내보냈습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Encore — staff console</source>
        <translation>Encore — 스태프 콘솔</translation>
    </message>
    <message>
        <source>Staff console</source>
        <translation>스태프 콘솔</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>%1(으)로 로그인됨</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>로그아웃</translation>
    </message>
    <message>
        <source>Concerts &amp;&amp; dates</source>
        <translation>공연 및 일정</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>좌석</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>대기열</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>판매</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>감사 로그</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>고객</translation>
    </message>
    <message>
        <source>Card top-ups</source>
        <translation>카드 충전</translation>
    </message>
</context>
<context>
    <name>encore::ApiClient</name>
    <message>
        <source>The connection to %1 is not secure: its certificate could not be verified.</source>
        <translation>%1 연결이 안전하지 않습니다. 인증서를 확인할 수 없습니다.</translation>
    </message>
    <message>
        <source>The Encore server at %1 cannot be reached.</source>
        <translation>Encore 서버(%1)에 연결할 수 없습니다.</translation>
    </message>
    <message>
        <source>No certificate could be read from %1.</source>
        <translation>%1에서 인증서를 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>The server sent an answer Encore cannot read.</source>
        <translation>서버가 Encore가 읽을 수 없는 응답을 보냈습니다.</translation>
    </message>
</context>
<context>
    <name>encore::AuditTab</name>
    <message>
        <source>Concert created</source>
        <translation>공연 생성</translation>
    </message>
    <message>
        <source>Concert edited</source>
        <translation>공연 수정</translation>
    </message>
    <message>
        <source>Concert deleted</source>
        <translation>공연 삭제</translation>
    </message>
    <message>
        <source>Date added</source>
        <translation>일정 추가</translation>
    </message>
    <message>
        <source>Date edited</source>
        <translation>일정 수정</translation>
    </message>
    <message>
        <source>Date deleted</source>
        <translation>일정 삭제</translation>
    </message>
    <message>
        <source>Prices changed</source>
        <translation>가격 변경</translation>
    </message>
    <message>
        <source>Hold released</source>
        <translation>선점 해제</translation>
    </message>
    <message>
        <source>Seat blocked</source>
        <translation>좌석 판매 중지</translation>
    </message>
    <message>
        <source>Seat unblocked</source>
        <translation>좌석 판매 재개</translation>
    </message>
    <message>
        <source>Queue settings</source>
        <translation>대기열 설정</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>감사 로그</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>작업</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>모든 작업</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>스태프</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>전체</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>조회</translation>
    </message>
    <message>
        <source>%1 entries (newest first)</source>
        <translation>%1건 (최신순)</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>스태프</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>대상</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>세부 내용</translation>
    </message>
    <message>
        <source>Date cancelled</source>
        <translation>회차 취소</translation>
    </message>
    <message>
        <source>Refunded for a customer</source>
        <translation>고객 대신 환불</translation>
    </message>
    <message>
        <source>Wallet adjusted</source>
        <translation>지갑 조정</translation>
    </message>
    <message>
        <source>Removed from a queue</source>
        <translation>대기열에서 제외</translation>
    </message>
    <message>
        <source>Blocked from a queue</source>
        <translation>대기열 차단</translation>
    </message>
    <message>
        <source>Queue block lifted</source>
        <translation>대기열 차단 해제</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>고객</translation>
    </message>
    <message>
        <source>Concert</source>
        <translation>공연</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>회차</translation>
    </message>
    <message>
        <source>Sales open</source>
        <translation>판매 시작</translation>
    </message>
    <message>
        <source>Sales close</source>
        <translation>판매 종료</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>좌석</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>금액</translation>
    </message>
    <message>
        <source>Balance after</source>
        <translation>조정 후 잔액</translation>
    </message>
    <message>
        <source>Reservations refunded</source>
        <translation>환불된 예매</translation>
    </message>
    <message>
        <source>Money back</source>
        <translation>환불 금액</translation>
    </message>
    <message>
        <source>Holds released</source>
        <translation>해제된 선점</translation>
    </message>
    <message>
        <source>Seats freed</source>
        <translation>풀린 좌석</translation>
    </message>
    <message>
        <source>Seats repriced</source>
        <translation>가격이 바뀐 좌석</translation>
    </message>
    <message>
        <source>At most in at once</source>
        <translation>동시 입장 최대</translation>
    </message>
    <message>
        <source>Let in per minute</source>
        <translation>분당 입장</translation>
    </message>
    <message>
        <source>Turn length (s)</source>
        <translation>입장 유지 시간(초)</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>사유</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Venue time zone</source>
        <translation>공연장 시간대</translation>
    </message>
    <message>
        <source>When (your time zone)</source>
        <translation>시각 (내 시간대)</translation>
    </message>
</context>
<context>
    <name>encore::CardDialog</name>
    <message>
        <source>Enter the card number.</source>
        <translation>카드 번호를 입력하세요.</translation>
    </message>
    <message>
        <source>This card number is not valid; please check it.</source>
        <translation>카드 번호가 올바르지 않습니다. 확인해 주세요.</translation>
    </message>
    <message>
        <source>Enter the expiry date as MM/YY.</source>
        <translation>유효기간을 MM/YY 형식으로 입력하세요.</translation>
    </message>
    <message>
        <source>This card has expired.</source>
        <translation>유효기간이 지난 카드입니다.</translation>
    </message>
    <message>
        <source>Enter the 3 or 4 digits on the back of the card.</source>
        <translation>카드 뒷면의 숫자 3자리 또는 4자리를 입력하세요.</translation>
    </message>
    <message>
        <source>Enter the one-time code.</source>
        <translation>일회용 인증번호를 입력하세요.</translation>
    </message>
    <message>
        <source>Checking the code…</source>
        <translation>인증번호 확인 중…</translation>
    </message>
    <message>
        <source>Sending your card to the payment company…</source>
        <translation>결제사로 카드 정보를 보내는 중…</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>다시 시도</translation>
    </message>
    <message>
        <source>Your card company asks for a one-time code.</source>
        <translation>카드사에서 일회용 인증번호를 요청합니다.</translation>
    </message>
    <message>
        <source>Confirm code</source>
        <translation>인증번호 확인</translation>
    </message>
    <message>
        <source>Pay by card</source>
        <translation>카드 결제</translation>
    </message>
    <message>
        <source>Top up %1 by card</source>
        <translation>카드로 %1 충전</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>카드 번호</translation>
    </message>
    <message>
        <source>1234 5678 9012 3456</source>
        <translation>1234 5678 9012 3456</translation>
    </message>
    <message>
        <source>Expiry (MM/YY)</source>
        <translation>유효기간 (MM/YY)</translation>
    </message>
    <message>
        <source>CVC</source>
        <translation>CVC</translation>
    </message>
    <message>
        <source>Name on card</source>
        <translation>카드 소유자 이름</translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation>일회용 인증번호</translation>
    </message>
    <message>
        <source>Your card goes straight to the payment company over an encrypted connection; Encore never sees or stores its number. Ticket refunds go back to your Encore wallet, not to this card.</source>
        <translation>카드 정보는 암호화된 연결로 결제사에 바로 전달되며, Encore는 카드 번호를 보거나 저장하지 않습니다. 티켓 환불은 이 카드가 아니라 Encore 지갑으로 돌아갑니다.</translation>
    </message>
    <message>
        <source>Pay %1</source>
        <translation>%1 결제</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>encore::ConcertListModel</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message numerus="yes">
        <source>%n bookable date(s)</source>
        <translation>
            <numerusform>예매 가능 %n회</numerusform>
        </translation>
    </message>
    <message>
        <source>Sold out</source>
        <translation>매진</translation>
    </message>
    <message>
        <source>Sales open %1</source>
        <translation>%1 판매 시작</translation>
    </message>
    <message>
        <source>Sales closed</source>
        <translation>판매 종료</translation>
    </message>
    <message>
        <source>Select this date and press Enter queue.</source>
        <translation>이 날짜를 선택하고 대기열 입장을 누르세요.</translation>
    </message>
    <message>
        <source>%1 of %2 left</source>
        <translation>%2석 중 %1석 남음</translation>
    </message>
    <message>
        <source>Concert / date</source>
        <translation>공연 / 날짜</translation>
    </message>
    <message>
        <source>Venue / sales</source>
        <translation>공연장 / 판매</translation>
    </message>
    <message>
        <source>Seats left</source>
        <translation>잔여 좌석</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>가격</translation>
    </message>
    <message>
        <source>Press Enter queue to wait for the opening.</source>
        <translation>대기열 입장을 누르면 판매 시작을 기다릴 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>encore::ConcertsPage</name>
    <message>
        <source>Choose a concert</source>
        <translation>공연을 선택하세요</translation>
    </message>
    <message>
        <source>Pick a date on the left. Dates that are sold out or not on sale are greyed out.</source>
        <translation>왼쪽에서 날짜를 고르세요. 매진되었거나 판매 중이 아닌 날짜는 흐리게 표시됩니다.</translation>
    </message>
    <message>
        <source>%1
%2 of %3 seats left · %4</source>
        <translation>%1
%3석 중 %2석 남음 · %4</translation>
    </message>
    <message>
        <source>Select one of this concert&apos;s dates to continue.</source>
        <translation>계속하려면 이 공연의 날짜를 하나 고르세요.</translation>
    </message>
    <message>
        <source>Concerts — loading…</source>
        <translation>공연 — 불러오는 중…</translation>
    </message>
    <message>
        <source>Concerts</source>
        <translation>공연</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <source>Enter queue</source>
        <translation>대기열 입장</translation>
    </message>
</context>
<context>
    <name>encore::ConcertsTab</name>
    <message>
        <source>%1 of %2 free</source>
        <translation>%2석 중 %1석 남음</translation>
    </message>
    <message>
        <source>Choose a concert first.</source>
        <translation>먼저 공연을 선택하세요.</translation>
    </message>
    <message>
        <source>%1 of %2 seats free; prices from %3 to %4.</source>
        <translation>%2석 중 %1석 남음, 가격 %3 ~ %4.</translation>
    </message>
    <message>
        <source>A new date gets 50 seats: row 1 VIP, row 2 R, rows 3–4 S, row 5 A.</source>
        <translation>새 일정에는 50석이 생깁니다: 1열 VIP, 2열 R, 3–4열 S, 5열 A.</translation>
    </message>
    <message>
        <source>Enter the concert&apos;s title.</source>
        <translation>공연 제목을 입력하세요.</translation>
    </message>
    <message>
        <source>The description is at most 5,000 characters.</source>
        <translation>설명은 최대 5,000자입니다.</translation>
    </message>
    <message>
        <source>The show must start in the future.</source>
        <translation>공연 시작 시각은 미래여야 합니다.</translation>
    </message>
    <message>
        <source>Sales must close after they open.</source>
        <translation>판매 종료는 판매 시작 이후여야 합니다.</translation>
    </message>
    <message>
        <source>Sales must close by the time the show starts.</source>
        <translation>판매는 공연 시작 전까지 종료되어야 합니다.</translation>
    </message>
    <message>
        <source>Give every tier a price above zero.</source>
        <translation>모든 등급에 0보다 큰 가격을 입력하세요.</translation>
    </message>
    <message>
        <source>Concert “%1” created. Add its dates next.</source>
        <translation>공연 “%1”을(를) 만들었습니다. 이제 일정을 추가하세요.</translation>
    </message>
    <message>
        <source>Concert “%1” saved.</source>
        <translation>공연 “%1”을(를) 저장했습니다.</translation>
    </message>
    <message>
        <source>Delete concert</source>
        <translation>공연 삭제</translation>
    </message>
    <message>
        <source>Delete “%1” and all its dates? This cannot be undone.</source>
        <translation>“%1” 공연과 모든 일정을 삭제할까요? 되돌릴 수 없습니다.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Concert “%1” deleted.</source>
        <translation>공연 “%1”을(를) 삭제했습니다.</translation>
    </message>
    <message>
        <source>Date %1 added.</source>
        <translation>%1 일정을 추가했습니다.</translation>
    </message>
    <message>
        <source>Date %1 saved.</source>
        <translation>%1 일정을 저장했습니다.</translation>
    </message>
    <message>
        <source>Delete date</source>
        <translation>일정 삭제</translation>
    </message>
    <message>
        <source>Delete the date %1? This cannot be undone.</source>
        <translation>%1 일정을 삭제할까요? 되돌릴 수 없습니다.</translation>
    </message>
    <message>
        <source>Date %1 deleted.</source>
        <translation>%1 일정을 삭제했습니다.</translation>
    </message>
    <message>
        <source>Concerts and dates</source>
        <translation>공연 및 일정</translation>
    </message>
    <message>
        <source>Concert / date</source>
        <translation>공연 / 일정</translation>
    </message>
    <message>
        <source>Artist / seats</source>
        <translation>아티스트 / 좌석</translation>
    </message>
    <message>
        <source>New concert</source>
        <translation>새 공연</translation>
    </message>
    <message>
        <source>Add date</source>
        <translation>일정 추가</translation>
    </message>
    <message>
        <source>Edit concert</source>
        <translation>공연 수정</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Artist</source>
        <translation>아티스트</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>공연장</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>설명</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>필수</translation>
    </message>
    <message>
        <source>Create concert</source>
        <translation>공연 만들기</translation>
    </message>
    <message>
        <source>Save concert</source>
        <translation>공연 저장</translation>
    </message>
    <message>
        <source>New date for “%1”</source>
        <translation>“%1” 새 일정</translation>
    </message>
    <message>
        <source>Edit date of “%1”</source>
        <translation>“%1” 일정 수정</translation>
    </message>
    <message>
        <source>Show starts</source>
        <translation>공연 시작</translation>
    </message>
    <message>
        <source>Sales open</source>
        <translation>판매 시작</translation>
    </message>
    <message>
        <source>Sales close</source>
        <translation>판매 종료</translation>
    </message>
    <message>
        <source>Seat prices (unsold seats)</source>
        <translation>좌석 가격 (미판매 좌석)</translation>
    </message>
    <message>
        <source>%1 seats</source>
        <translation>%1석</translation>
    </message>
    <message>
        <source>Save date</source>
        <translation>일정 저장</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>Cancelled %1; every customer was refunded.</source>
        <translation>%1에 취소됨. 모든 고객에게 환불되었습니다.</translation>
    </message>
    <message>
        <source>Cancel date</source>
        <translation>회차 취소</translation>
    </message>
    <message>
        <source>Cancel the date %1? Every hold is released, every ticket refunded to its buyer&apos;s wallet, and the date goes off sale for good. Customers are told at once.</source>
        <translation>%1 회차를 취소할까요? 모든 선점이 해제되고, 모든 티켓이 구매자의 지갑으로 환불되며, 이 회차는 더 이상 판매되지 않습니다. 고객에게 즉시 알립니다.</translation>
    </message>
    <message>
        <source>Cancel the date</source>
        <translation>회차 취소</translation>
    </message>
    <message>
        <source>Date %1 cancelled: %2 refunded (%3), %4 released.</source>
        <translation>%1 회차 취소됨: %2 환불(%3), %4 해제.</translation>
    </message>
    <message numerus="yes">
        <source>%n reservation(s)</source>
        <translation>
            <numerusform>예매 %n건</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hold(s)</source>
        <translation>
            <numerusform>선점 %n건</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel date…</source>
        <translation>회차 취소…</translation>
    </message>
    <message>
        <source>Choose the venue&apos;s time zone from the list (for example Asia/Seoul).</source>
        <translation>목록에서 공연장 시간대를 고르세요 (예: Asia/Seoul).</translation>
    </message>
    <message>
        <source>Venue time zone</source>
        <translation>공연장 시간대</translation>
    </message>
    <message>
        <source>Every date and time of this concert is shown in this zone.</source>
        <translation>이 공연의 모든 날짜와 시각은 이 시간대로 표시됩니다.</translation>
    </message>
    <message>
        <source>Times are at the venue: %1 (%2).</source>
        <translation>시각은 공연장 기준입니다: %1 (%2).</translation>
    </message>
</context>
<context>
    <name>encore::ConnectionBanner</name>
    <message>
        <source>Retry now</source>
        <translation>지금 다시 시도</translation>
    </message>
    <message>
        <source>Connection lost. %1 Encore keeps trying and will carry on where you left off.</source>
        <translation>연결이 끊어졌습니다. %1 Encore가 계속 재연결을 시도하며, 하던 작업을 이어서 진행합니다.</translation>
    </message>
    <message>
        <source>Connected again. Everything is up to date.</source>
        <translation>다시 연결되었습니다. 모든 정보가 최신 상태입니다.</translation>
    </message>
</context>
<context>
    <name>encore::CustomerWindow</name>
    <message>
        <source>Your wallet now holds %1.</source>
        <translation>이제 지갑 잔액은 %1입니다.</translation>
    </message>
    <message>
        <source>Your place in the queue has ended.</source>
        <translation>대기열 순서가 종료되었습니다.</translation>
    </message>
    <message>
        <source>Join the queue again to get a new turn.</source>
        <translation>대기열에 다시 참여하면 새 차례를 받을 수 있습니다.</translation>
    </message>
    <message>
        <source>About Encore</source>
        <translation>Encore 정보</translation>
    </message>
    <message>
        <source>&lt;b&gt;Encore&lt;/b&gt; %1&lt;br&gt;Concert tickets, fairly queued.</source>
        <translation>&lt;b&gt;Encore&lt;/b&gt; %1&lt;br&gt;공정한 대기열로 만나는 공연 티켓.</translation>
    </message>
    <message>
        <source>Encore — concert tickets</source>
        <translation>Encore — 공연 티켓</translation>
    </message>
    <message>
        <source>Concerts</source>
        <translation>공연</translation>
    </message>
    <message>
        <source>My tickets</source>
        <translation>내 티켓</translation>
    </message>
    <message>
        <source>Signed in as &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;님 로그인 중</translation>
    </message>
    <message>
        <source>Wallet · %1</source>
        <translation>지갑 · %1</translation>
    </message>
    <message>
        <source>Open your wallet to see the balance and top up</source>
        <translation>지갑을 열어 잔액을 확인하고 충전합니다</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>로그아웃</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>계정(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Wallet…</source>
        <translation>지갑(&amp;W)…</translation>
    </message>
    <message>
        <source>My &amp;tickets</source>
        <translation>내 티켓(&amp;T)</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>로그아웃(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Encore</source>
        <translation>Encore 정보(&amp;A)</translation>
    </message>
    <message>
        <source>These seats cost %1 and your wallet has %2. Top up, then hold them again.</source>
        <translation>선택한 좌석은 %1이고 지갑 잔액은 %2입니다. 충전한 뒤 다시 선점해 주세요.</translation>
    </message>
    <message>
        <source>The seats were released.</source>
        <translation>좌석 선점을 해제했습니다.</translation>
    </message>
    <message>
        <source>Your hold expired and the seats were released.</source>
        <translation>선점 시간이 만료되어 좌석이 해제되었습니다.</translation>
    </message>
    <message>
        <source>You can pick seats again while your turn lasts.</source>
        <translation>차례가 끝나기 전까지 좌석을 다시 고를 수 있습니다.</translation>
    </message>
    <message>
        <source>Add at least %1 to pay for your seats.</source>
        <translation>좌석을 결제하려면 %1 이상 충전해 주세요.</translation>
    </message>
    <message>
        <source>Paying…</source>
        <translation>결제 중…</translation>
    </message>
    <message>
        <source>Refunded %1 to your wallet.</source>
        <translation>%1을 지갑으로 환불했습니다.</translation>
    </message>
    <message>
        <source>The hold was cancelled and the seats released.</source>
        <translation>선점을 취소하고 좌석을 해제했습니다.</translation>
    </message>
    <message>
        <source>Refund ticket</source>
        <translation>티켓 환불</translation>
    </message>
    <message numerus="yes">
        <source>Refund seats %1 for %2? The seats go back on sale.</source>
        <translation>
            <numerusform>%1번 좌석(%2)을 환불할까요? 좌석은 다시 판매됩니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>환불</translation>
    </message>
    <message>
        <source>Keep ticket</source>
        <translation>티켓 유지</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%2 %1</translation>
    </message>
    <message>
        <source>We refunded %1 to your wallet for %2.</source>
        <translation>%2의 %1을(를) 지갑으로 환불했습니다.</translation>
    </message>
    <message>
        <source>%1 was cancelled; %2 went back to your wallet.</source>
        <translation>%1 공연이 취소되어 %2이(가) 지갑으로 환불되었습니다.</translation>
    </message>
    <message>
        <source>%1 was cancelled; your hold was released.</source>
        <translation>%1 공연이 취소되어 선점한 좌석이 해제되었습니다.</translation>
    </message>
    <message>
        <source>We added %1 to your wallet.</source>
        <translation>지갑에 %1을(를) 넣어 드렸습니다.</translation>
    </message>
    <message>
        <source>We took %1 from your wallet.</source>
        <translation>지갑에서 %1을(를) 차감했습니다.</translation>
    </message>
    <message>
        <source>Your place in the queue was ended by our staff.</source>
        <translation>직원이 대기열 순서를 종료했습니다.</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>사유: %1</translation>
    </message>
    <message>
        <source>You are leaving the seat map with seats on hold.</source>
        <translation>선점한 좌석이 있는 채로 좌석 배치도를 떠납니다.</translation>
    </message>
    <message>
        <source>Seats on hold</source>
        <translation>선점한 좌석</translation>
    </message>
    <message numerus="yes">
        <source>Keep seats %1 to pay for them later in My tickets (until %2), or release them now?</source>
        <translation>
            <numerusform>%1번 좌석을 유지하고 나중에 내 티켓에서 결제할까요(%2까지), 아니면 지금 해제할까요?</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep my hold</source>
        <translation>선점 유지</translation>
    </message>
    <message>
        <source>Release seats</source>
        <translation>좌석 해제</translation>
    </message>
    <message>
        <source>You are quitting Encore with seats on hold.</source>
        <translation>선점한 좌석이 있는 채로 Encore를 종료합니다.</translation>
    </message>
    <message>
        <source>Seats %1 were paid for in another window of your account. Your tickets are below.</source>
        <translation>%1번 좌석은 같은 계정의 다른 창에서 결제되었습니다. 아래에서 티켓을 확인하세요.</translation>
    </message>
    <message numerus="yes">
        <source>Your hold on seats %1 was released by the box office or from another window of your account.</source>
        <translation>
            <numerusform>%1번 좌석의 선점이 매표소 또는 같은 계정의 다른 창에서 해제되었습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>The seats are back on sale. You can pick seats again while your turn lasts.</source>
        <translation>좌석이 다시 판매 중입니다. 차례가 끝나기 전까지 좌석을 다시 고를 수 있습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s) you picked were just taken by someone else and left your selection: %1.</source>
        <translation>
            <numerusform>고르신 좌석 %n개를 다른 분이 먼저 가져가 선택에서 빠졌습니다: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s) held for you: %1. Pay before the timer runs out.</source>
        <translation>
            <numerusform>좌석 %n개를 선점했습니다: %1. 시간이 끝나기 전에 결제해 주세요.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You still hold seats %1 for %2 until %3. Pay for them in My tickets.</source>
        <translation>
            <numerusform>%2의 %1번 좌석을 %3까지 선점하고 있습니다. 내 티켓에서 결제하세요.</numerusform>
        </translation>
    </message>
    <message>
        <source>You left the waiting list.</source>
        <translation>대기 명단에서 빠졌습니다.</translation>
    </message>
    <message>
        <source>You declined the seat; it goes to the next person waiting.</source>
        <translation>좌석을 거절했습니다. 다음 대기자에게 넘어갑니다.</translation>
    </message>
    <message>
        <source>The seat offered to you was not paid in time and went to the next person waiting.</source>
        <translation>제안된 좌석을 시간 안에 결제하지 않아 다음 대기자에게 넘어갔습니다.</translation>
    </message>
    <message numerus="yes">
        <source>Our staff released your hold on seats %1 (%2). The seats are back on sale; you can pick seats again while your turn lasts.</source>
        <translation>
            <numerusform>직원이 %2의 좌석 %1 선점을 해제했습니다. 좌석은 다시 판매 중이며, 차례가 끝나기 전까지 좌석을 다시 고를 수 있습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Released by staff: %1</source>
        <translation>직원이 해제한 사유: %1</translation>
    </message>
</context>
<context>
    <name>encore::CustomersTab</name>
    <message>
        <source>%1 (staff)</source>
        <translation>%1 (직원)</translation>
    </message>
    <message>
        <source>Wallet: %1</source>
        <translation>지갑: %1</translation>
    </message>
    <message>
        <source>Concert %1</source>
        <translation>공연 %1</translation>
    </message>
    <message>
        <source>Search for a customer by username.</source>
        <translation>사용자 이름으로 고객을 찾으세요.</translation>
    </message>
    <message>
        <source>Refunded %1</source>
        <translation>%1 환불됨</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>결제됨</translation>
    </message>
    <message>
        <source>Their turn, until %1</source>
        <translation>입장 차례, %1까지</translation>
    </message>
    <message>
        <source>Waiting, number %1 in line</source>
        <translation>대기 중, %1번째</translation>
    </message>
    <message>
        <source>Blocked: %1</source>
        <translation>차단됨: %1</translation>
    </message>
    <message>
        <source>Pick a paid reservation to refund.</source>
        <translation>환불할 결제 완료 예매를 고르세요.</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>환불</translation>
    </message>
    <message>
        <source>Refund %1 (%2, seats %3) to %4&apos;s wallet. The seats go back on sale; the customer&apos;s refund deadline does not apply.</source>
        <translation>%1(%2, 좌석 %3)을(를) %4 님의 지갑으로 환불합니다. 좌석은 다시 판매되며 고객 환불 마감은 적용되지 않습니다.</translation>
    </message>
    <message>
        <source>The whole reservation was refunded.</source>
        <translation>예매 전체가 환불되었습니다.</translation>
    </message>
    <message>
        <source>Refunded; the reservation keeps seats %1.</source>
        <translation>환불했습니다. 예매에는 좌석 %1이(가) 남습니다.</translation>
    </message>
    <message>
        <source>Adjust wallet</source>
        <translation>지갑 조정</translation>
    </message>
    <message>
        <source>%1&apos;s wallet holds %2. A credit adds money, a debit takes it away; the balance never goes below zero.</source>
        <translation>%1 님의 지갑 잔액은 %2입니다. 적립은 금액을 더하고 차감은 금액을 뺍니다. 잔액은 0 미만이 되지 않습니다.</translation>
    </message>
    <message>
        <source>Adjust</source>
        <translation>조정</translation>
    </message>
    <message>
        <source>Wallet adjusted; it now holds %1.</source>
        <translation>지갑을 조정했습니다. 현재 잔액은 %1입니다.</translation>
    </message>
    <message>
        <source>Pick a queue ticket first.</source>
        <translation>먼저 대기열 항목을 고르세요.</translation>
    </message>
    <message>
        <source>Remove from queue</source>
        <translation>대기열에서 제외</translation>
    </message>
    <message>
        <source>End %1&apos;s place or turn in the queue for %2.</source>
        <translation>%2 대기열에서 %1 님의 순서를 종료합니다.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>제외</translation>
    </message>
    <message>
        <source>Removed from the queue.</source>
        <translation>대기열에서 제외했습니다.</translation>
    </message>
    <message>
        <source>Block from queue</source>
        <translation>대기열 차단</translation>
    </message>
    <message>
        <source>Block %1 from joining the queue for %2. Their place in it ends now.</source>
        <translation>%1 님이 %2 대기열에 들어오지 못하게 차단합니다. 현재 순서는 바로 종료됩니다.</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>차단</translation>
    </message>
    <message>
        <source>Blocked from the queue for %1.</source>
        <translation>%1 대기열에서 차단했습니다.</translation>
    </message>
    <message>
        <source>Pick a block first.</source>
        <translation>먼저 차단 항목을 고르세요.</translation>
    </message>
    <message>
        <source>Lift block</source>
        <translation>차단 해제</translation>
    </message>
    <message>
        <source>Let %1 join the queue for %2 again.</source>
        <translation>%1 님이 다시 %2 대기열에 들어올 수 있게 합니다.</translation>
    </message>
    <message>
        <source>The block is lifted.</source>
        <translation>차단을 해제했습니다.</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>고객</translation>
    </message>
    <message>
        <source>Username or part of it</source>
        <translation>사용자 이름 또는 그 일부</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>찾기</translation>
    </message>
    <message>
        <source>Adjust wallet…</source>
        <translation>지갑 조정…</translation>
    </message>
    <message>
        <source>Refund…</source>
        <translation>환불…</translation>
    </message>
    <message>
        <source>Remove from queue…</source>
        <translation>대기열에서 제외…</translation>
    </message>
    <message>
        <source>Block from queue…</source>
        <translation>대기열 차단…</translation>
    </message>
    <message>
        <source>Lift block…</source>
        <translation>차단 해제…</translation>
    </message>
    <message>
        <source>Reservations</source>
        <translation>예매</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>결제</translation>
    </message>
    <message>
        <source>Wallet ledger</source>
        <translation>지갑 내역</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>대기열</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>금액</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Concert</source>
        <translation>공연</translation>
    </message>
    <message>
        <source>Where they are</source>
        <translation>현재 위치</translation>
    </message>
</context>
<context>
    <name>encore::FairQueuePanel</name>
    <message>
        <source>Queue joins by an account</source>
        <translation>계정별 대기열 입장</translation>
    </message>
    <message>
        <source>Queue joins from an address</source>
        <translation>주소별 대기열 입장</translation>
    </message>
    <message>
        <source>Status checks by an account</source>
        <translation>계정별 순서 확인</translation>
    </message>
    <message>
        <source>Status checks from an address</source>
        <translation>주소별 순서 확인</translation>
    </message>
    <message>
        <source>Status checks sooner than told</source>
        <translation>안내보다 이른 순서 확인</translation>
    </message>
    <message>
        <source>Hold attempts by an account</source>
        <translation>계정별 좌석 선점 시도</translation>
    </message>
    <message>
        <source>Accounts from one address in a queue</source>
        <translation>한 대기열의 주소당 계정</translation>
    </message>
    <message>
        <source>Clear the pre-queue</source>
        <translation>사전 대기열 비우기</translation>
    </message>
    <message numerus="yes">
        <source>End the place of all %n customer(s) waiting for sales to open. They can join again.</source>
        <translation>
            <numerusform>판매 시작을 기다리는 고객 %n명의 자리를 모두 끝냅니다. 다시 들어올 수 있습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>비우기</translation>
    </message>
    <message numerus="yes">
        <source>%n pre-queue place(s) ended.</source>
        <translation>
            <numerusform>사전 대기열 자리 %n개를 끝냈습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>every counter</source>
        <translation>모든 카운터</translation>
    </message>
    <message>
        <source>Clear abuse counters</source>
        <translation>남용 카운터 비우기</translation>
    </message>
    <message>
        <source>Clear %1: its requests are heard again at once.</source>
        <translation>%1을(를) 비웁니다. 해당 요청은 즉시 다시 받아들여집니다.</translation>
    </message>
    <message>
        <source>Counters cleared.</source>
        <translation>카운터를 비웠습니다.</translation>
    </message>
    <message>
        <source>Pre-queue</source>
        <translation>사전 대기열</translation>
    </message>
    <message numerus="yes">
        <source>Sales open %1; the pre-queue takes joins from %2 (%3 min before). %n waiting; they get random places at the opening.</source>
        <translation>
            <numerusform>판매 시작 %1, 사전 대기열은 %2부터 받습니다(%3분 전). %n명 대기 중이며 판매가 시작되면 무작위로 순서를 받습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>No pre-queue now: a date is on sale, or no opening is planned.</source>
        <translation>지금은 사전 대기열이 없습니다. 판매 중인 날짜가 있거나 예정된 판매 시작이 없습니다.</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>고객</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>들어온 시각</translation>
    </message>
    <message>
        <source>No opening yet.</source>
        <translation>아직 판매 시작 전입니다.</translation>
    </message>
    <message numerus="yes">
        <source>Last opening %1: %n customer(s) placed at random.</source>
        <translation>
            <numerusform>최근 판매 시작 %1: 고객 %n명을 무작위로 배치했습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Clear pre-queue…</source>
        <translation>사전 대기열 비우기…</translation>
    </message>
    <message>
        <source>Abuse limits (this minute)</source>
        <translation>남용 제한 (최근 1분)</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>제한</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>대상</translation>
    </message>
    <message>
        <source>Requests / limit</source>
        <translation>요청 / 한도</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>거절</translation>
    </message>
    <message>
        <source>Resets</source>
        <translation>초기화</translation>
    </message>
    <message>
        <source>Clear selected…</source>
        <translation>선택 항목 비우기…</translation>
    </message>
    <message>
        <source>Clear all…</source>
        <translation>모두 비우기…</translation>
    </message>
</context>
<context>
    <name>encore::HoldCountdown</name>
    <message>
        <source>Your seats are held for %1</source>
        <translation>좌석 선점 남은 시간 %1</translation>
    </message>
</context>
<context>
    <name>encore::LedgerModel</name>
    <message>
        <source>When</source>
        <translation>일시</translation>
    </message>
    <message>
        <source>What</source>
        <translation>내용</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>금액</translation>
    </message>
    <message>
        <source>Balance after</source>
        <translation>거래 후 잔액</translation>
    </message>
</context>
<context>
    <name>encore::LoginDialog</name>
    <message>
        <source>Enter the server address, for example http://127.0.0.1:8080.</source>
        <translation>서버 주소를 입력하세요. 예: http://127.0.0.1:8080</translation>
    </message>
    <message>
        <source>The username needs 3 to 32 characters.</source>
        <translation>아이디는 3~32자여야 합니다.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>비밀번호를 입력하세요.</translation>
    </message>
    <message>
        <source>Choose a password of at least 8 characters.</source>
        <translation>비밀번호는 8자 이상이어야 합니다.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>두 비밀번호가 일치하지 않습니다.</translation>
    </message>
    <message>
        <source>That username and password do not match. Please try again.</source>
        <translation>아이디 또는 비밀번호가 일치하지 않습니다. 다시 시도해 주세요.</translation>
    </message>
    <message>
        <source>That username is already taken. Please choose another one.</source>
        <translation>이미 사용 중인 아이디입니다. 다른 아이디를 골라 주세요.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>연결 중…</translation>
    </message>
    <message>
        <source>Encore — sign in</source>
        <translation>Encore — 로그인</translation>
    </message>
    <message>
        <source>Welcome to Encore</source>
        <translation>Encore에 오신 것을 환영합니다</translation>
    </message>
    <message>
        <source>Log in to book concert tickets.</source>
        <translation>로그인하고 공연 티켓을 예매하세요.</translation>
    </message>
    <message>
        <source>Create an account to book concert tickets.</source>
        <translation>계정을 만들고 공연 티켓을 예매하세요.</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>로그인</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>회원가입</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>서버 주소</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>아이디</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>비밀번호</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>비밀번호 확인</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>끝내기</translation>
    </message>
</context>
<context>
    <name>encore::NoticeBar</name>
    <message>
        <source>Dismiss</source>
        <translation>닫기</translation>
    </message>
</context>
<context>
    <name>encore::PaymentConfirmDialog</name>
    <message>
        <source>Confirm payment</source>
        <translation>결제 확인</translation>
    </message>
    <message>
        <source>Check and pay</source>
        <translation>확인 후 결제</translation>
    </message>
    <message>
        <source>Concert</source>
        <translation>공연</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>날짜</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>좌석</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>합계</translation>
    </message>
    <message>
        <source>Wallet now</source>
        <translation>현재 잔액</translation>
    </message>
    <message>
        <source>Wallet after</source>
        <translation>결제 후 잔액</translation>
    </message>
    <message>
        <source>not enough</source>
        <translation>잔액 부족</translation>
    </message>
    <message>
        <source>Your seats stay held while you decide.</source>
        <translation>결정하는 동안 좌석은 선점된 상태로 유지됩니다.</translation>
    </message>
    <message>
        <source>Your wallet is %1 short. Top up first; your seats stay held.</source>
        <translation>지갑 잔액이 %1 부족합니다. 먼저 충전해 주세요. 좌석은 선점된 상태로 유지됩니다.</translation>
    </message>
    <message>
        <source>Top up wallet</source>
        <translation>지갑 충전</translation>
    </message>
    <message>
        <source>Pay %1</source>
        <translation>%1 결제</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>뒤로</translation>
    </message>
</context>
<context>
    <name>encore::PaymentGatewayClient</name>
    <message>
        <source>The card payment service cannot be reached. Your card was not charged.</source>
        <translation>카드 결제 서비스에 연결할 수 없습니다. 카드는 청구되지 않았습니다.</translation>
    </message>
</context>
<context>
    <name>encore::QueuePanel</name>
    <message>
        <source>Waiting room</source>
        <translation>대기실</translation>
    </message>
    <message>
        <source>Waiting room · %1</source>
        <translation>대기실 · %1</translation>
    </message>
    <message>
        <source>Leave the queue</source>
        <translation>대기열 나가기</translation>
    </message>
    <message>
        <source>Joining the queue…</source>
        <translation>대기열에 참여하는 중…</translation>
    </message>
    <message>
        <source>Please keep this window open.</source>
        <translation>이 창을 닫지 말아 주세요.</translation>
    </message>
    <message>
        <source>It&apos;s your turn!</source>
        <translation>고객님 차례입니다!</translation>
    </message>
    <message>
        <source>Choose your seats before %1.</source>
        <translation>%1까지 좌석을 선택해 주세요.</translation>
    </message>
    <message>
        <source>Opening the seat map…</source>
        <translation>좌석 배치도를 여는 중…</translation>
    </message>
    <message>
        <source>You are in the queue</source>
        <translation>대기 중입니다</translation>
    </message>
    <message>
        <source>No. %1 in line</source>
        <translation>대기 순번 %1번</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) ahead of you</source>
        <translation>
            <numerusform>내 앞에 %n명</numerusform>
        </translation>
    </message>
    <message>
        <source>Expected wait: %1</source>
        <translation>예상 대기 시간: %1</translation>
    </message>
    <message>
        <source>Expected wait: not known while admission is paused</source>
        <translation>예상 대기 시간: 입장이 일시 중지된 동안에는 알 수 없습니다</translation>
    </message>
    <message>
        <source>The seat map opens by itself when it is your turn. Please keep this window open.</source>
        <translation>차례가 되면 좌석 배치도가 자동으로 열립니다. 이 창을 닫지 말아 주세요.</translation>
    </message>
    <message>
        <source>You are in the pre-queue</source>
        <translation>사전 대기열에 있습니다</translation>
    </message>
    <message>
        <source>Sales open in %1 — you will get a random place when they open.</source>
        <translation>판매 시작까지 %1 — 판매가 시작되면 무작위로 순서가 정해집니다.</translation>
    </message>
    <message>
        <source>Sales are opening — drawing your random place…</source>
        <translation>판매가 시작됩니다 — 무작위 순서를 정하는 중…</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) waiting for the opening</source>
        <translation>
            <numerusform>%n명이 판매 시작을 기다리고 있습니다</numerusform>
        </translation>
    </message>
    <message>
        <source>Joining earlier does not help: everyone in the pre-queue has the same chance. Please keep this window open.</source>
        <translation>먼저 들어와도 유리하지 않습니다. 사전 대기열의 모든 분이 같은 확률을 가집니다. 이 창을 열어 두세요.</translation>
    </message>
</context>
<context>
    <name>encore::QueueTab</name>
    <message>
        <source>no wait</source>
        <translation>대기 없음</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>일시 중지됨</translation>
    </message>
    <message>
        <source>Queue settings applied.</source>
        <translation>대기열 설정을 적용했습니다.</translation>
    </message>
    <message>
        <source>Pause the queue</source>
        <translation>대기열 일시 중지</translation>
    </message>
    <message>
        <source>Pause admissions to “%1”? People keep their place but nobody new is let in until you resume.</source>
        <translation>“%1” 입장을 일시 중지할까요? 대기 순서는 유지되지만 재개할 때까지 새로 입장하지 못합니다.</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 중지</translation>
    </message>
    <message>
        <source>The queue is paused.</source>
        <translation>대기열을 일시 중지했습니다.</translation>
    </message>
    <message>
        <source>The queue runs again.</source>
        <translation>대기열을 다시 시작했습니다.</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>대기열</translation>
    </message>
    <message>
        <source>Concert</source>
        <translation>공연</translation>
    </message>
    <message>
        <source>⏸ Paused</source>
        <translation>⏸ 일시 중지됨</translation>
    </message>
    <message>
        <source>▶ Admitting</source>
        <translation>▶ 입장 중</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <source>Active / max</source>
        <translation>입장 중 / 최대</translation>
    </message>
    <message>
        <source>Admitted last minute</source>
        <translation>최근 1분 입장</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>Wait at the back</source>
        <translation>맨 뒤 대기 시간</translation>
    </message>
    <message>
        <source>Queue length and admissions per minute</source>
        <translation>대기열 길이와 분당 입장 수</translation>
    </message>
    <message>
        <source>Admitted per minute</source>
        <translation>분당 입장 수</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Max. active</source>
        <translation>최대 동시 입장</translation>
    </message>
    <message>
        <source>Admit per minute</source>
        <translation>분당 입장 수</translation>
    </message>
    <message>
        <source>Turn length</source>
        <translation>예매 가능 시간</translation>
    </message>
    <message>
        <source> s</source>
        <translation>초</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>적용</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>재개</translation>
    </message>
    <message>
        <source>Changes apply at once to everyone in this concert&apos;s queue; waits are re-estimated within seconds.</source>
        <translation>변경 사항은 이 공연의 대기열 전체에 즉시 적용되며, 대기 시간은 몇 초 안에 다시 계산됩니다.</translation>
    </message>
    <message>
        <source>Pre-queue opens</source>
        <translation>사전 대기열 시작</translation>
    </message>
    <message>
        <source> min before sales</source>
        <translation>분 전 (판매 시작 기준)</translation>
    </message>
    <message>
        <source>Accounts per address</source>
        <translation>주소당 계정 수</translation>
    </message>
</context>
<context>
    <name>encore::ReasonDialog</name>
    <message>
        <source>Reason (kept in the audit log; the customer sees it):</source>
        <translation>사유(감사 로그에 남고 고객에게도 보입니다):</translation>
    </message>
    <message>
        <source>Seats to refund:</source>
        <translation>환불할 좌석:</translation>
    </message>
    <message>
        <source>Seat %1</source>
        <translation>좌석 %1</translation>
    </message>
    <message>
        <source>Enter an amount other than zero.</source>
        <translation>0이 아닌 금액을 입력하세요.</translation>
    </message>
    <message>
        <source>Tick at least one seat.</source>
        <translation>좌석을 하나 이상 선택하세요.</translation>
    </message>
    <message numerus="yes">
        <source>Please give a reason of at least %n character(s).</source>
        <translation>
            <numerusform>사유를 %n자 이상 입력하세요.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A reason is at most %n character(s).</source>
        <translation>
            <numerusform>사유는 최대 %n자입니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Amount (negative to debit):</source>
        <translation>금액(차감은 음수):</translation>
    </message>
</context>
<context>
    <name>encore::ReceiptDialog</name>
    <message>
        <source>Receipt</source>
        <translation>영수증</translation>
    </message>
    <message>
        <source>You&apos;re going! Payment complete.</source>
        <translation>결제가 완료되었습니다. 공연장에서 만나요!</translation>
    </message>
    <message>
        <source>Concert</source>
        <translation>공연</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>날짜</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>좌석</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>결제 금액</translation>
    </message>
    <message>
        <source>Paid at</source>
        <translation>결제 일시</translation>
    </message>
    <message>
        <source>Wallet balance</source>
        <translation>지갑 잔액</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>참조 번호</translation>
    </message>
    <message>
        <source>View my tickets</source>
        <translation>내 티켓 보기</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
</context>
<context>
    <name>encore::ReservationListModel</name>
    <message>
        <source>Concert #%1</source>
        <translation>공연 #%1</translation>
    </message>
    <message>
        <source>%1 until %2</source>
        <translation>%1 (%2까지)</translation>
    </message>
    <message>
        <source>Concert</source>
        <translation>공연</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>날짜</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>좌석</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>합계</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
</context>
<context>
    <name>encore::SalesTab</name>
    <message>
        <source>Sold</source>
        <translation>판매됨</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>선점됨</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>예매 가능</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>판매 중지</translation>
    </message>
    <message>
        <source>Revenue (thousand KRW)</source>
        <translation>매출 (천 원)</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>좌석</translation>
    </message>
    <message>
        <source>Payments whose seats are not sold</source>
        <translation>좌석이 판매 처리되지 않은 결제</translation>
    </message>
    <message>
        <source>Sold seats without a payment</source>
        <translation>결제 없이 판매된 좌석</translation>
    </message>
    <message>
        <source>Wallets whose balance differs from their ledger</source>
        <translation>잔액이 거래 내역과 다른 지갑</translation>
    </message>
    <message>
        <source>Payments that differ from their reservation&apos;s total</source>
        <translation>예약 금액과 다른 결제</translation>
    </message>
    <message>
        <source>Holds past their time (the expiry sweeper may be stuck)</source>
        <translation>시간이 지난 선점 (만료 처리가 멈췄을 수 있음)</translation>
    </message>
    <message>
        <source>Payment %1 of %2 (reservation %3)</source>
        <translation>결제 %1, %2 (예약 %3)</translation>
    </message>
    <message>
        <source>Date %1, seat %2 (reservation %3)</source>
        <translation>일정 %1, 좌석 %2 (예약 %3)</translation>
    </message>
    <message>
        <source>%1: balance %2, ledger sum %3</source>
        <translation>%1: 잔액 %2, 거래 내역 합계 %3</translation>
    </message>
    <message>
        <source>Payment %1: paid %2, reservation total %3</source>
        <translation>결제 %1: 결제액 %2, 예약 금액 %3</translation>
    </message>
    <message>
        <source>Date %1, seat %2, held until %3</source>
        <translation>일정 %1, 좌석 %2, %3까지 선점</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>판매</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <source>Export sales (CSV)…</source>
        <translation>판매 내역 내보내기 (CSV)…</translation>
    </message>
    <message>
        <source>Seats and revenue per date</source>
        <translation>일정별 좌석과 매출</translation>
    </message>
    <message>
        <source>Concert</source>
        <translation>공연</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>일정</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>매출</translation>
    </message>
    <message>
        <source>Reconciliation</source>
        <translation>정산 검증</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>확인 중…</translation>
    </message>
    <message>
        <source>✔ All clear: every payment has its sold seats, every sold seat its payment, and every wallet matches its ledger.</source>
        <translation>✔ 이상 없음: 모든 결제에 판매 좌석이 있고, 모든 판매 좌석에 결제가 있으며, 모든 지갑이 거래 내역과 일치합니다.</translation>
    </message>
    <message>
        <source>All concerts</source>
        <translation>모든 공연</translation>
    </message>
    <message>
        <source>Card top-ups not credited exactly once</source>
        <translation>지갑에 정확히 한 번 충전되지 않은 카드 충전</translation>
    </message>
    <message>
        <source>Wallet credits without a paid card top-up</source>
        <translation>결제된 카드 충전이 없는 지갑 충전</translation>
    </message>
    <message>
        <source>Card refunds that differ from the wallet&apos;s debit</source>
        <translation>지갑 차감액과 다른 카드 환불</translation>
    </message>
    <message>
        <source>Charged by the card gateway, never credited to a wallet</source>
        <translation>결제 대행사가 청구했지만 지갑에 충전되지 않음</translation>
    </message>
    <message>
        <source>Top-ups the card gateway records differently</source>
        <translation>결제 대행사 기록과 다른 충전</translation>
    </message>
    <message>
        <source>Credited top-ups missing from the gateway&apos;s settlements</source>
        <translation>결제 대행사 정산 내역에 없는 충전</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>charged</source>
        <translation>청구됨</translation>
    </message>
    <message>
        <source>given back to the card</source>
        <translation>카드로 환불됨</translation>
    </message>
    <message>
        <source>not charged</source>
        <translation>청구되지 않음</translation>
    </message>
    <message>
        <source>no such order</source>
        <translation>해당 주문 없음</translation>
    </message>
    <message numerus="yes">
        <source>Order %1 of %2: %n credit(s) totalling %3</source>
        <translation>
            <numerusform>주문 %1 (%2): 충전 %n건, 합계 %3</numerusform>
        </translation>
    </message>
    <message>
        <source>Credit #%1 of %2 (order: %3)</source>
        <translation>충전 #%1 (%2, 주문: %3)</translation>
    </message>
    <message>
        <source>Order %1 of %2: %3 taken from the wallet</source>
        <translation>주문 %1 (%2): 지갑에서 %3 차감</translation>
    </message>
    <message>
        <source>Payment %1, order %2: %3, %4</source>
        <translation>결제 %1, 주문 %2: %3, %4</translation>
    </message>
    <message>
        <source>Payment %1, order %2: ours %3 (%4), the gateway&apos;s %5 (%6)</source>
        <translation>결제 %1, 주문 %2: 우리 기록 %3 (%4), 결제 대행사 기록 %5 (%6)</translation>
    </message>
    <message>
        <source>Payment %1, order %2: %3</source>
        <translation>결제 %1, 주문 %2: %3</translation>
    </message>
    <message>
        <source>The card gateway could not be asked for its settlements: card top-ups are unchecked. Try again later.</source>
        <translation>결제 대행사에서 정산 내역을 받지 못해 카드 충전을 확인하지 못했습니다. 잠시 후 다시 시도하세요.</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n problem(s) found. Each needs a look before the books close.</source>
        <translation>
            <numerusform>⚠ 문제 %n건이 발견되었습니다. 마감 전에 각각 확인이 필요합니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Top-ups %1 · staff adjustments %2 · payments %3 · refunds %4 · card refunds %5 · revenue %6 · in wallets %7</source>
        <translation>충전 %1 · 스태프 조정 %2 · 결제 %3 · 환불 %4 · 카드 환불 %5 · 매출 %6 · 지갑 잔액 %7</translation>
    </message>
    <message numerus="yes">
        <source>Revenue %1 · %2 tickets sold over %n date(s)</source>
        <translation>
            <numerusform>매출 %1 · %n개 일정에서 %2매 판매</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>encore::SeatLegend</name>
    <message>
        <source>Available</source>
        <translation>예매 가능</translation>
    </message>
    <message>
        <source>Your selection</source>
        <translation>선택한 좌석</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>내 좌석</translation>
    </message>
    <message>
        <source>Held by others</source>
        <translation>다른 분이 선점</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>판매 완료</translation>
    </message>
    <message>
        <source>Not for sale</source>
        <translation>판매 안 함</translation>
    </message>
    <message>
        <source>Selected</source>
        <translation>선택됨</translation>
    </message>
    <message>
        <source>Held by a customer</source>
        <translation>고객이 선점</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>판매 중지</translation>
    </message>
</context>
<context>
    <name>encore::SeatMapWidget</name>
    <message>
        <source>Seat %1 is already yours.</source>
        <translation>%1번 좌석은 이미 고객님 좌석입니다.</translation>
    </message>
    <message>
        <source>Seat %1 is not available.</source>
        <translation>%1번 좌석은 선택할 수 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>You can pick at most %n seat(s) at a time.</source>
        <translation>
            <numerusform>한 번에 최대 %n석까지 고를 수 있습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>STAGE</source>
        <translation>무대</translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s) selected</source>
        <translation>
            <numerusform>%n석 선택됨</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pick up to %n seat(s). Use the arrow keys and Space to choose.</source>
        <translation>
            <numerusform>최대 %n석까지 고르세요. 방향키와 스페이스 키로도 고를 수 있습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 seats selected</source>
        <translation>%2석 중 %1석 선택됨</translation>
    </message>
    <message>
        <source>Click seats to select them, then act on them at the right.</source>
        <translation>좌석을 눌러 고른 뒤 오른쪽에서 작업하세요.</translation>
    </message>
</context>
<context>
    <name>encore::SeatPage</name>
    <message>
        <source>Seats %1</source>
        <translation>좌석 %1</translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation>합계 %1</translation>
    </message>
    <message>
        <source>Holding…</source>
        <translation>선점 중…</translation>
    </message>
    <message numerus="yes">
        <source>Hold %n seat(s)</source>
        <translation>
            <numerusform>%n석 선점하기</numerusform>
        </translation>
    </message>
    <message>
        <source>Your turn lasts until %1</source>
        <translation>내 차례 종료 %1</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>나가기</translation>
    </message>
    <message>
        <source>Your selection</source>
        <translation>선택한 좌석</translation>
    </message>
    <message>
        <source>Seats on hold</source>
        <translation>선점한 좌석</translation>
    </message>
    <message>
        <source>Pay now</source>
        <translation>지금 결제</translation>
    </message>
    <message>
        <source>Release seats</source>
        <translation>좌석 해제</translation>
    </message>
    <message>
        <source>Seat %1 · %2 · %3</source>
        <translation>%1번 · %2석 · %3</translation>
    </message>
    <message>
        <source>No seats selected yet. Click free seats on the map.</source>
        <translation>아직 고른 좌석이 없습니다. 배치도에서 빈 좌석을 누르세요.</translation>
    </message>
    <message>
        <source>Your turn ends in %1. Hold seats now: a hold keeps your turn open until it is paid or runs out.</source>
        <translation>차례가 %1 후에 끝납니다. 지금 좌석을 선점하세요. 선점하면 결제하거나 선점 시간이 끝날 때까지 차례가 유지됩니다.</translation>
    </message>
    <message>
        <source>Time left in your turn: %1</source>
        <translation>남은 차례 시간: %1</translation>
    </message>
    <message numerus="yes">
        <source>You are holding seats %1. Pay for them or release them to choose other seats.</source>
        <translation>
            <numerusform>%1번 좌석을 선점 중입니다. 다른 좌석을 고르려면 먼저 결제하거나 선점을 해제하세요.</numerusform>
        </translation>
    </message>
    <message>
        <source>Hold seats</source>
        <translation>좌석 선점</translation>
    </message>
    <message>
        <source>%1 seats · %2</source>
        <translation>%1석 · %2</translation>
    </message>
</context>
<context>
    <name>encore::SeatWaitPanel</name>
    <message>
        <source>Tell me if they come back</source>
        <translation>다시 나오면 알려 주세요</translation>
    </message>
    <message>
        <source>Leave the waiting list</source>
        <translation>대기 취소</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>결제</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>거절</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>닫기</translation>
    </message>
    <message numerus="yes">
        <source>Seat(s) %1 were just taken. Join the waiting list: if one comes back, it is held for you for a short time before anyone else can take it.</source>
        <translation>
            <numerusform>%1번 좌석을 방금 다른 사람이 잡았습니다. 대기 명단에 올리면, 좌석이 다시 나올 때 다른 사람보다 먼저 잠시 회원님을 위해 잡아 둡니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>You are on the waiting list for %1 (%2). If one comes back, it is held for you and you will see it here.</source>
        <translation>%2의 %1 대기 명단에 올라 있습니다. 좌석이 다시 나오면 회원님을 위해 잡아 두고 여기에 알려 드립니다.</translation>
    </message>
    <message>
        <source>Seat %1 of %2 came back for you: %3. It is held for you until the time below runs out — pay for it, or decline so the next person gets it.</source>
        <translation>%2의 %1번 좌석이 회원님께 돌아왔습니다: %3. 아래 시간이 끝날 때까지 잡아 둡니다 — 결제하거나, 다음 대기자에게 넘기려면 거절하세요.</translation>
    </message>
</context>
<context>
    <name>encore::SeatWaitsDialog</name>
    <message>
        <source>Waiting list — %1</source>
        <translation>대기 명단 — %1</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>고객</translation>
    </message>
    <message>
        <source>Waiting for</source>
        <translation>기다리는 좌석</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>신청 시각</translation>
    </message>
    <message>
        <source>Offer runs out</source>
        <translation>제안 만료</translation>
    </message>
    <message>
        <source>Clear the waiting list…</source>
        <translation>대기 명단 비우기…</translation>
    </message>
    <message>
        <source>%1: seat %2</source>
        <translation>%1: %2번 좌석</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) waiting, %1 seat offer(s) running.</source>
        <translation>
            <numerusform>%n명 대기 중, 좌석 제안 %1건 진행 중.</numerusform>
        </translation>
    </message>
    <message>
        <source>Clear the waiting list</source>
        <translation>대기 명단 비우기</translation>
    </message>
    <message>
        <source>Everyone still waiting for a seat of this date leaves the list. Offers already made stay until they are paid, declined or run out.</source>
        <translation>이 날짜의 좌석을 기다리는 모든 고객이 명단에서 빠집니다. 이미 나간 제안은 결제, 거절 또는 만료될 때까지 유지됩니다.</translation>
    </message>
    <message>
        <source>Clear the list</source>
        <translation>명단 비우기</translation>
    </message>
    <message numerus="yes">
        <source>%n wait(s) cleared.</source>
        <translation>
            <numerusform>대기 %n건을 정리했습니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>encore::SeatsTab</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>%1까지</translation>
    </message>
    <message>
        <source>paid %1</source>
        <translation>%1 결제</translation>
    </message>
    <message>
        <source>Choose a date to see its seats.</source>
        <translation>좌석을 보려면 일정을 선택하세요.</translation>
    </message>
    <message>
        <source>%1 sold · %2 held · %3 blocked · %4 free</source>
        <translation>판매 %1 · 선점 %2 · 판매 중지 %3 · 잔여 %4</translation>
    </message>
    <message>
        <source>Selected seats</source>
        <translation>선택한 좌석</translation>
    </message>
    <message>
        <source>Held, sold and blocked seats</source>
        <translation>선점·판매·판매 중지 좌석</translation>
    </message>
    <message>
        <source>Release hold</source>
        <translation>선점 해제</translation>
    </message>
    <message>
        <source>Release the hold of %1 on seat(s) %2? Every seat of that hold becomes free for others at once.</source>
        <translation>%1 님의 좌석 %2 선점을 해제할까요? 해당 선점의 모든 좌석이 즉시 다른 사람에게 열립니다.</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>해제</translation>
    </message>
    <message>
        <source>Hold released.</source>
        <translation>선점을 해제했습니다.</translation>
    </message>
    <message>
        <source>Block seats</source>
        <translation>좌석 판매 중지</translation>
    </message>
    <message>
        <source>Block seat(s) %1? Nobody can buy them until they are unblocked.</source>
        <translation>좌석 %1의 판매를 중지할까요? 다시 열 때까지 아무도 구매할 수 없습니다.</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>판매 중지</translation>
    </message>
    <message>
        <source>Seat(s) %1 blocked.</source>
        <translation>좌석 %1 판매를 중지했습니다.</translation>
    </message>
    <message>
        <source>Unblock seats</source>
        <translation>좌석 판매 재개</translation>
    </message>
    <message>
        <source>Unblock seat(s) %1? They go on sale at once.</source>
        <translation>좌석 %1의 판매를 재개할까요? 즉시 판매가 시작됩니다.</translation>
    </message>
    <message>
        <source>Unblock</source>
        <translation>판매 재개</translation>
    </message>
    <message>
        <source>Seat(s) %1 unblocked.</source>
        <translation>좌석 %1 판매를 재개했습니다.</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>좌석</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>일정</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <source>Export attendees (CSV)…</source>
        <translation>관객 명단 내보내기 (CSV)…</translation>
    </message>
    <message>
        <source>● Live</source>
        <translation>● 실시간</translation>
    </message>
    <message>
        <source>○ Updating every few seconds</source>
        <translation>○ 몇 초마다 갱신 중</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>좌석</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>고객</translation>
    </message>
    <message>
        <source>Reservation</source>
        <translation>예약</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시간</translation>
    </message>
    <message>
        <source>Clear selection</source>
        <translation>선택 해제</translation>
    </message>
    <message>
        <source>Seat price</source>
        <translation>좌석 가격</translation>
    </message>
    <message>
        <source>Seat(s) %1 now cost %2.</source>
        <translation>좌석 %1의 가격이 이제 %2입니다.</translation>
    </message>
    <message>
        <source>Set price…</source>
        <translation>가격 설정…</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>차단됨</translation>
    </message>
    <message>
        <source>Waiting list…</source>
        <translation>대기 명단…</translation>
    </message>
    <message numerus="yes">
        <source>New price of %n seat(s) (%1; sold seats keep theirs):</source>
        <translation>
            <numerusform>좌석 %n석(%1)의 새 가격(판매된 좌석은 기존 가격 유지):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>encore::TicketsPage</name>
    <message>
        <source>My tickets</source>
        <translation>내 티켓</translation>
    </message>
    <message>
        <source>No tickets yet. Pick a concert to get started.</source>
        <translation>아직 티켓이 없습니다. 공연을 골라 시작해 보세요.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>영수증</translation>
    </message>
    <message>
        <source>Cancel hold</source>
        <translation>선점 취소</translation>
    </message>
    <message>
        <source>Refund ticket</source>
        <translation>티켓 환불</translation>
    </message>
    <message>
        <source>Pay for these seats</source>
        <translation>이 좌석 결제하기</translation>
    </message>
</context>
<context>
    <name>encore::TopUpsTab</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 ending %2</source>
        <translation>%1 끝자리 %2</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>주문 %1</translation>
    </message>
    <message>
        <source>Settled %1</source>
        <translation>처리 %1</translation>
    </message>
    <message>
        <source>Refund to card</source>
        <translation>카드로 환불</translation>
    </message>
    <message>
        <source>Give %1 back to %2&apos;s card (%3)? The wallet is debited first, so this is refused when the money has been spent.</source>
        <translation>%1을(를) %2 님의 카드(%3)로 돌려줄까요? 먼저 지갑에서 차감하므로, 이미 쓴 돈이면 거절됩니다.</translation>
    </message>
    <message>
        <source>%1 went back to %2&apos;s card.</source>
        <translation>%1이(가) %2 님의 카드로 환불되었습니다.</translation>
    </message>
    <message>
        <source>the customer</source>
        <translation>고객</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>처리 중</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>결제됨</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Refunded to card</source>
        <translation>카드로 환불됨</translation>
    </message>
    <message>
        <source>Card top-ups</source>
        <translation>카드 충전</translation>
    </message>
    <message>
        <source>Every card top-up of every customer, newest first. Times are in your own time zone.</source>
        <translation>모든 고객의 카드 충전 내역입니다 (최신순). 시각은 내 시간대 기준입니다.</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>모든 상태</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <source>When</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>고객</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>금액</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>카드</translation>
    </message>
    <message>
        <source>Gateway payment id</source>
        <translation>결제대행사 결제 ID</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>비고</translation>
    </message>
    <message>
        <source>Refund to card…</source>
        <translation>카드로 환불…</translation>
    </message>
</context>
<context>
    <name>encore::TurnEndedPage</name>
    <message>
        <source>Your turn has ended</source>
        <translation>차례가 끝났습니다</translation>
    </message>
    <message>
        <source>Your time to choose seats for %1 is over. Join the queue again for a new turn.</source>
        <translation>%1의 좌석 선택 시간이 끝났습니다. 새 차례를 받으려면 대기열에 다시 들어가세요.</translation>
    </message>
    <message>
        <source>Join the queue again</source>
        <translation>대기열 다시 들어가기</translation>
    </message>
    <message>
        <source>Back to concerts</source>
        <translation>공연 목록으로</translation>
    </message>
</context>
<context>
    <name>encore::WalletDialog</name>
    <message>
        <source>Enter an amount or pick one above.</source>
        <translation>금액을 입력하거나 위에서 고르세요.</translation>
    </message>
    <message>
        <source>Enter a whole number of won, for example 50000.</source>
        <translation>원 단위 정수로 입력하세요. 예: 50000</translation>
    </message>
    <message>
        <source>The smallest top-up is %1.</source>
        <translation>최소 충전 금액은 %1입니다.</translation>
    </message>
    <message>
        <source>You can add at most %1 at a time.</source>
        <translation>한 번에 최대 %1까지 충전할 수 있습니다.</translation>
    </message>
    <message>
        <source>Your balance may not exceed %1; you can add up to %2 now.</source>
        <translation>잔액은 %1을 넘을 수 없습니다. 지금은 %2까지 충전할 수 있습니다.</translation>
    </message>
    <message>
        <source>Balance after top-up: %1</source>
        <translation>충전 후 잔액: %1</translation>
    </message>
    <message>
        <source>From %1 to %2 per top-up; balance up to %3.</source>
        <translation>1회 %1~%2, 최대 잔액 %3까지 충전할 수 있습니다.</translation>
    </message>
    <message>
        <source>Adding…</source>
        <translation>충전 중…</translation>
    </message>
    <message>
        <source>Top up</source>
        <translation>충전</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>지갑</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>잔액</translation>
    </message>
    <message>
        <source>Quick top-up</source>
        <translation>빠른 충전</translation>
    </message>
    <message>
        <source>Amount (KRW)</source>
        <translation>금액 (원)</translation>
    </message>
    <message>
        <source>e.g. 50000</source>
        <translation>예: 50000</translation>
    </message>
    <message>
        <source>History</source>
        <translation>거래 내역</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Finishing your interrupted top-up of %1…</source>
        <translation>중단된 %1 충전을 마무리하는 중…</translation>
    </message>
    <message>
        <source>Confirming the payment…</source>
        <translation>결제를 확인하는 중…</translation>
    </message>
    <message>
        <source>Finish top-up</source>
        <translation>충전 마무리</translation>
    </message>
    <message>
        <source>The payment is not confirmed yet. It is kept and completed automatically; your card is charged at most once. Press &quot;Finish top-up&quot; to try now.</source>
        <translation>결제가 아직 확인되지 않았습니다. 결제 정보는 보관되어 자동으로 완료되며, 카드는 최대 한 번만 청구됩니다. 지금 다시 시도하려면 &quot;충전 마무리&quot;를 누르세요.</translation>
    </message>
    <message>
        <source> (card ending %1)</source>
        <translation> (끝자리 %1 카드)</translation>
    </message>
    <message>
        <source>Approved: added %1%2. Your balance is now %3.</source>
        <translation>승인됨: %1%2 충전했습니다. 현재 잔액은 %3입니다.</translation>
    </message>
    <message>
        <source>Top-ups are paid by card. Refunds of tickets go back to this wallet, not to your card; to get wallet money back on the card, ask Encore staff.</source>
        <translation>충전은 카드로 결제됩니다. 티켓 환불은 카드가 아니라 이 지갑으로 돌아갑니다. 지갑의 돈을 카드로 돌려받으려면 Encore 직원에게 문의하세요.</translation>
    </message>
</context>
</TS>
