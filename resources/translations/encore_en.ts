<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>DisplayText</name>
    <message>
        <source>available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not for sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ddd d MMM yyyy, HH:mm</source>
        <comment>date-time format</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>less than a minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>about %n min</source>
        <translation>
            <numerusform>about %n min</numerusform>
            <numerusform>about %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>your ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>held by you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seat %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1–%2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjustment by staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top-up returned to card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Based on how fast the line moved in the last minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The estimate is still being measured and will settle soon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The organiser just changed how fast people are let in; the estimate follows the new pace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone admitted is still choosing seats; places free up as they finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admission is paused by the organiser for now; your place is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It&apos;s your turn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your estimated wait just went up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your estimated wait just went down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone who joins before sales open gets a random place at the opening, ahead of everyone who joins later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offered to you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bought</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offer ran out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cleared by the box office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any %1 seat</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>seat(s) %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>offered to you — pay before the offer runs out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>less than a minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>about %n minute(s)</source>
        <translation>
            <numerusform>about %n minute</numerusform>
            <numerusform>about %n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>Some of the information entered is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please check what you entered: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session has ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please log in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account is not allowed to do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is not your turn to pick seats yet, or your turn has ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your place in the queue is kept; expected wait: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join the queue again to get a new turn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This item no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list has been refreshed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This cannot be done in the current state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The view has been refreshed; please check and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else just took some of these seats.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else just took seat(s) %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please pick other seats; the map shows what is still free.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your hold on these seats has expired and they were released.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick seats again to hold them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your wallet has %1 but this needs %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your wallet balance is too low for this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top up your wallet, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This request was already sent with different details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please start the action again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you sent is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many attempts in a short time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please wait a moment and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service is busy or restarting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check your connection; Encore keeps retrying and you can try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong on our side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please try again in a moment. If it keeps happening, quote reference %1 to support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top up wallet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejoin queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your card was not charged. Try another card or check its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your card company declined the payment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card&apos;s balance or credit limit is too low for this amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card number is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card has expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The security code (CVC) is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The one-time code is not correct.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card&apos;s second confirmation step was not finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card payment was declined: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card payment was declined.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The queue for this date opens at %1, %n minute(s) before sales open.</source>
        <translation>
            <numerusform>The queue for this date opens at %1, %n minute before sales open.</numerusform>
            <numerusform>The queue for this date opens at %1, %n minutes before sales open.</numerusform>
        </translation>
    </message>
    <message>
        <source>Please come back then.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>encore::AdminWindow</name>
    <message>
        <source>Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card top-ups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1.</source>
        <translation>
            <numerusform>Exported %n row to %1.</numerusform>
            <numerusform>Exported %n rows to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Encore — staff console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concerts &amp;&amp; dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>encore::ApiClient</name>
    <message>
        <source>The connection to %1 is not secure: its certificate could not be verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Encore server at %1 cannot be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No certificate could be read from %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent an answer Encore cannot read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>encore::AuditTab</name>
    <message>
        <source>Venue time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When (your time zone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concert created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concert edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concert deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prices changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold released</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seat blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seat unblocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunded for a customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wallet adjusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed from a queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked from a queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue block lifted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reservations refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Money back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holds released</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seats freed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seats repriced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most in at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let in per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn length (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 entries (newest first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>encore::CardDialog</name>
    <message>
        <source>Enter the card number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This card number is not valid; please check it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the expiry date as MM/YY.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This card has expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the 3 or 4 digits on the back of the card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the one-time code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending your card to the payment company…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your card company asks for a one-time code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay by card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top up %1 by card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1234 5678 9012 3456</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry (MM/YY)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CVC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name on card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your card goes straight to the payment company over an encrypted connection; Encore never sees or stores its number. Ticket refunds go back to your Encore wallet, not to this card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>encore::ConcertListModel</name>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n bookable date(s)</source>
        <translation>
            <numerusform>%n bookable date</numerusform>
            <numerusform>%n bookable dates</numerusform>
        </translation>
    </message>
    <message>
        <source>Sold out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales open %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select this date and press Enter queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concert / date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Venue / sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seats left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Enter queue to wait for the opening.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>encore::ConcertsPage</name>
    <message>
        <source>Choose a concert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a date on the left. Dates that are sold out or not on sale are greyed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2 of %3 seats left · %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select one of this concert&apos;s dates to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concerts — loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter queue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>encore::ConcertsTab</name>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled %1; every customer was refunded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the date %1? Every hold is released, every ticket refunded to its buyer&apos;s wallet, and the date goes off sale for good. Customers are told at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date %1 cancelled: %2 refunded (%3), %4 released.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n reservation(s)</source>
        <translation>
            <numerusform>%n reservation</numerusform>
            <numerusform>%n reservations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hold(s)</source>
        <translation>
            <numerusform>%n hold</numerusform>
            <numerusform>%n holds</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel date…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the venue&apos;s time zone from the list (for example Asia/Seoul).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Venue time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every date and time of this concert is shown in this zone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times are at the venue: %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a concert first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 seats free; prices from %3 to %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new date gets 50 seats: row 1 VIP, row 2 R, rows 3–4 S, row 5 A.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the concert&apos;s title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The description is at most 5,000 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The show must start in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales must close after they open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales must close by the time the show starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give every tier a price above zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concert “%1” created. Add its dates next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concert “%1” saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete concert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete “%1” and all its dates? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concert “%1” deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date %1 added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date %1 saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the date %1? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date %1 deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concerts and dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concert / date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Artist / seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New concert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit concert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Artist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Venue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create concert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save concert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New date for “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit date of “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seat prices (unsold seats)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>encore::ConnectionBanner</name>
    <message>
        <source>Retry now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection lost. %1 Encore keeps trying and will carry on where you left off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected again. Everything is up to date.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>encore::CustomerWindow</name>
    <message>
        <source>Your wallet now holds %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your place in the queue has ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join the queue again to get a new turn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Encore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Encore&lt;/b&gt; %1&lt;br&gt;Concert tickets, fairly queued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encore — concert tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wallet · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open your wallet to see the balance and top up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Wallet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My &amp;tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Encore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These seats cost %1 and your wallet has %2. Top up, then hold them again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The seats were released.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your hold expired and the seats were released.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can pick seats again while your turn lasts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add at least %1 to pay for your seats.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunded %1 to your wallet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hold was cancelled and the seats released.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Refund seats %1 for %2? The seats go back on sale.</source>
        <translation>
            <numerusform>Refund seat %1 for %2? The seat goes back on sale.</numerusform>
            <numerusform>Refund seats %1 for %2? The seats go back on sale.</numerusform>
        </translation>
    </message>
    <message>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We refunded %1 to your wallet for %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was cancelled; %2 went back to your wallet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was cancelled; your hold was released.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We added %1 to your wallet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We took %1 from your wallet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your place in the queue was ended by our staff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are leaving the seat map with seats on hold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seats on hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Keep seats %1 to pay for them later in My tickets (until %2), or release them now?</source>
        <translation>
            <numerusform>Keep seat %1 to pay for it later in My tickets (until %2), or release it now?</numerusform>
            <numerusform>Keep seats %1 to pay for them later in My tickets (until %2), or release them now?</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep my hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are quitting Encore with seats on hold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seats %1 were paid for in another window of your account. Your tickets are below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Your hold on seats %1 was released by the box office or from another window of your account.</source>
        <translation>
            <numerusform>Your hold on seat %1 was released by the box office or from another window of your account.</numerusform>
            <numerusform>Your hold on seats %1 was released by the box office or from another window of your account.</numerusform>
        </translation>
    </message>
    <message>
        <source>The seats are back on sale. You can pick seats again while your turn lasts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s) you picked were just taken by someone else and left your selection: %1.</source>
        <translation>
            <numerusform>%n seat you picked was just taken by someone else and left your selection: %1.</numerusform>
            <numerusform>%n seats you picked were just taken by someone else and left your selection: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s) held for you: %1. Pay before the timer runs out.</source>
        <translation>
            <numerusform>%n seat held for you: %1. Pay before the timer runs out.</numerusform>
            <numerusform>%n seats held for you: %1. Pay before the timer runs out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You still hold seats %1 for %2 until %3. Pay for them in My tickets.</source>
        <translation>
            <numerusform>You still hold seat %1 for %2 until %3. Pay for it in My tickets.</numerusform>
            <numerusform>You still hold seats %1 for %2 until %3. Pay for them in My tickets.</numerusform>
        </translation>
    </message>
    <message>
        <source>You left the waiting list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You declined the seat; it goes to the next person waiting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The seat offered to you was not paid in time and went to the next person waiting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Our staff released your hold on seats %1 (%2). The seats are back on sale; you can pick seats again while your turn lasts.</source>
        <translation>
            <numerusform>Our staff released your hold on seat %1 (%2). The seat is back on sale; you can pick seats again while your turn lasts.</numerusform>
            <numerusform>Our staff released your hold on seats %1 (%2). The seats are back on sale; you can pick seats again while your turn lasts.</numerusform>
        </translation>
    </message>
    <message>
        <source>Released by staff: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>encore::CustomersTab</name>
    <message>
        <source>%1 (staff)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wallet: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concert %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search for a customer by username.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunded %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their turn, until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting, number %1 in line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a paid reservation to refund.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund %1 (%2, seats %3) to %4&apos;s wallet. The seats go back on sale; the customer&apos;s refund deadline does not apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole reservation was refunded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunded; the reservation keeps seats %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjust wallet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s wallet holds %2. A credit adds money, a debit takes it away; the balance never goes below zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjust</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wallet adjusted; it now holds %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a queue ticket first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove from queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End %1&apos;s place or turn in the queue for %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed from the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block from queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block %1 from joining the queue for %2. Their place in it ends now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked from the queue for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a block first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lift block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let %1 join the queue for %2 again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The block is lifted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username or part of it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjust wallet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove from queue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block from queue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lift block…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reservations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wallet ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where they are</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>encore::FairQueuePanel</name>
    <message>
        <source>Queue joins by an account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue joins from an address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status checks by an account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status checks from an address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status checks sooner than told</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold attempts by an account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts from one address in a queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the pre-queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>End the place of all %n customer(s) waiting for sales to open. They can join again.</source>
        <translation>
            <numerusform>End the place of the %n customer waiting for sales to open. They can join again.</numerusform>
            <numerusform>End the place of all %n customers waiting for sales to open. They can join again.</numerusform>
        </translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n pre-queue place(s) ended.</source>
        <translation>
            <numerusform>%n pre-queue place ended.</numerusform>
            <numerusform>%n pre-queue places ended.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear abuse counters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear %1: its requests are heard again at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counters cleared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Sales open %1; the pre-queue takes joins from %2 (%3 min before). %n waiting; they get random places at the opening.</source>
        <translation>
            <numerusform>Sales open %1; the pre-queue takes joins from %2 (%3 min before). %n waiting; they get random places at the opening.</numerusform>
            <numerusform>Sales open %1; the pre-queue takes joins from %2 (%3 min before). %n waiting; they get random places at the opening.</numerusform>
        </translation>
    </message>
    <message>
        <source>No pre-queue now: a date is on sale, or no opening is planned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Joined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No opening yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Last opening %1: %n customer(s) placed at random.</source>
        <translation>
            <numerusform>Last opening %1: %n customer placed at random.</numerusform>
            <numerusform>Last opening %1: %n customers placed at random.</numerusform>
        </translation>
    </message>
    <message>
        <source>Clear pre-queue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abuse limits (this minute)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests / limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear selected…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear all…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>encore::HoldCountdown</name>
    <message>
        <source>Your seats are held for %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>encore::LedgerModel</name>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance after</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>encore::LoginDialog</name>
    <message>
        <source>Enter the server address, for example http://127.0.0.1:8080.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The username needs 3 to 32 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a password of at least 8 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That username and password do not match. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That username is already taken. Please choose another one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encore — sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to Encore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in to book concert tickets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create an account to book concert tickets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>encore::NoticeBar</name>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>encore::PaymentConfirmDialog</name>
    <message>
        <source>Confirm payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check and pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wallet now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wallet after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not enough</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your seats stay held while you decide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your wallet is %1 short. Top up first; your seats stay held.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top up wallet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>encore::PaymentGatewayClient</name>
    <message>
        <source>The card payment service cannot be reached. Your card was not charged.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>encore::QueuePanel</name>
    <message>
        <source>Waiting room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting room · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Joining the queue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please keep this window open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It&apos;s your turn!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose your seats before %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the seat map…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are in the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No. %1 in line</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) ahead of you</source>
        <translation>
            <numerusform>%n person ahead of you</numerusform>
            <numerusform>%n people ahead of you</numerusform>
        </translation>
    </message>
    <message>
        <source>Expected wait: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected wait: not known while admission is paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The seat map opens by itself when it is your turn. Please keep this window open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are in the pre-queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales open in %1 — you will get a random place when they open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales are opening — drawing your random place…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) waiting for the opening</source>
        <translation>
            <numerusform>%n person waiting for the opening</numerusform>
            <numerusform>%n people waiting for the opening</numerusform>
        </translation>
    </message>
    <message>
        <source>Joining earlier does not help: everyone in the pre-queue has the same chance. Please keep this window open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>encore::QueueTab</name>
    <message>
        <source>Pre-queue opens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min before sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts per address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue settings applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The queue runs again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause admissions to “%1”? People keep their place but nobody new is let in until you resume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The queue is paused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⏸ Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▶ Admitting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active / max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admitted last minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait at the back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue length and admissions per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admitted per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max. active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admit per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes apply at once to everyone in this concert&apos;s queue; waits are re-estimated within seconds.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>encore::ReasonDialog</name>
    <message>
        <source>Reason (kept in the audit log; the customer sees it):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seats to refund:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seat %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an amount other than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick at least one seat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Please give a reason of at least %n character(s).</source>
        <translation>
            <numerusform>Please give a reason of at least %n character.</numerusform>
            <numerusform>Please give a reason of at least %n characters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A reason is at most %n character(s).</source>
        <translation>
            <numerusform>A reason is at most %n character.</numerusform>
            <numerusform>A reason is at most %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <source>Amount (negative to debit):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>encore::ReceiptDialog</name>
    <message>
        <source>Receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You&apos;re going! Payment complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wallet balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View my tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>encore::ReservationListModel</name>
    <message>
        <source>Concert #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 until %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>encore::SalesTab</name>
    <message>
        <source>Sold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue (thousand KRW)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payments whose seats are not sold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sold seats without a payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wallets whose balance differs from their ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payments that differ from their reservation&apos;s total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holds past their time (the expiry sweeper may be stuck)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment %1 of %2 (reservation %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date %1, seat %2 (reservation %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: balance %2, ledger sum %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment %1: paid %2, reservation total %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date %1, seat %2, held until %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All concerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export sales (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seats and revenue per date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconciliation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ All clear: every payment has its sold seats, every sold seat its payment, and every wallet matches its ledger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card top-ups not credited exactly once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wallet credits without a paid card top-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card refunds that differ from the wallet&apos;s debit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charged by the card gateway, never credited to a wallet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top-ups the card gateway records differently</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credited top-ups missing from the gateway&apos;s settlements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>charged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>given back to the card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not charged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such order</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Order %1 of %2: %n credit(s) totalling %3</source>
        <translation>
            <numerusform>Order %1 of %2: %n credit totalling %3</numerusform>
            <numerusform>Order %1 of %2: %n credits totalling %3</numerusform>
        </translation>
    </message>
    <message>
        <source>Credit #%1 of %2 (order: %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1 of %2: %3 taken from the wallet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment %1, order %2: %3, %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment %1, order %2: ours %3 (%4), the gateway&apos;s %5 (%6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment %1, order %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card gateway could not be asked for its settlements: card top-ups are unchecked. Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n problem(s) found. Each needs a look before the books close.</source>
        <translation>
            <numerusform>⚠ %n problem found. It needs a look before the books close.</numerusform>
            <numerusform>⚠ %n problems found. Each needs a look before the books close.</numerusform>
        </translation>
    </message>
    <message>
        <source>Top-ups %1 · staff adjustments %2 · payments %3 · refunds %4 · card refunds %5 · revenue %6 · in wallets %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Revenue %1 · %2 tickets sold over %n date(s)</source>
        <translation>
            <numerusform>Revenue %1 · %2 tickets sold over %n date</numerusform>
            <numerusform>Revenue %1 · %2 tickets sold over %n dates</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>encore::SeatLegend</name>
    <message>
        <source>Available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held by others</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not for sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held by a customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>encore::SeatMapWidget</name>
    <message>
        <source>Seat %1 is already yours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seat %1 is not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>You can pick at most %n seat(s) at a time.</source>
        <translation>
            <numerusform>You can pick at most %n seat at a time.</numerusform>
            <numerusform>You can pick at most %n seats at a time.</numerusform>
        </translation>
    </message>
    <message>
        <source>STAGE</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s) selected</source>
        <translation>
            <numerusform>%n seat selected</numerusform>
            <numerusform>%n seats selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pick up to %n seat(s). Use the arrow keys and Space to choose.</source>
        <translation>
            <numerusform>Pick up to %n seat. Use the arrow keys and Space to choose.</numerusform>
            <numerusform>Pick up to %n seats. Use the arrow keys and Space to choose.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 seats selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click seats to select them, then act on them at the right.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>encore::SeatPage</name>
    <message>
        <source>Seats %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holding…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Hold %n seat(s)</source>
        <translation>
            <numerusform>Hold %n seat</numerusform>
            <numerusform>Hold %n seats</numerusform>
        </translation>
    </message>
    <message>
        <source>Your turn lasts until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seats on hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seat %1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No seats selected yet. Click free seats on the map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your turn ends in %1. Hold seats now: a hold keeps your turn open until it is paid or runs out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left in your turn: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>You are holding seats %1. Pay for them or release them to choose other seats.</source>
        <translation>
            <numerusform>You are holding seat %1. Pay for it or release it to choose other seats.</numerusform>
            <numerusform>You are holding seats %1. Pay for them or release them to choose other seats.</numerusform>
        </translation>
    </message>
    <message>
        <source>Hold seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 seats · %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>encore::SeatWaitPanel</name>
    <message>
        <source>Tell me if they come back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave the waiting list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Seat(s) %1 were just taken. Join the waiting list: if one comes back, it is held for you for a short time before anyone else can take it.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>You are on the waiting list for %1 (%2). If one comes back, it is held for you and you will see it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seat %1 of %2 came back for you: %3. It is held for you until the time below runs out — pay for it, or decline so the next person gets it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>encore::SeatWaitsDialog</name>
    <message>
        <source>Waiting list — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offer runs out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the waiting list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: seat %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) waiting, %1 seat offer(s) running.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Clear the waiting list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone still waiting for a seat of this date leaves the list. Offers already made stay until they are paid, declined or run out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n wait(s) cleared.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>encore::SeatsTab</name>
    <message>
        <source>blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paid %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a date to see its seats.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sold · %2 held · %3 blocked · %4 free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held, sold and blocked seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release the hold of %1 on seat(s) %2? Every seat of that hold becomes free for others at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold released.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block seat(s) %1? Nobody can buy them until they are unblocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seat(s) %1 blocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unblock seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unblock seat(s) %1? They go on sale at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unblock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seat(s) %1 unblocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seat price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seat(s) %1 now cost %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export attendees (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>○ Updating every few seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reservation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set price…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>New price of %n seat(s) (%1; sold seats keep theirs):</source>
        <translation>
            <numerusform>New price of %n seat (%1; sold seats keep theirs):</numerusform>
            <numerusform>New price of %n seats (%1; sold seats keep theirs):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>encore::TicketsPage</name>
    <message>
        <source>My tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tickets yet. Pick a concert to get started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay for these seats</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>encore::TopUpsTab</name>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ending %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settled %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund to card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give %1 back to %2&apos;s card (%3)? The wallet is debited first, so this is refused when the money has been spent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 went back to %2&apos;s card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunded to card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card top-ups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every card top-up of every customer, newest first. Times are in your own time zone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway payment id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund to card…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>encore::TurnEndedPage</name>
    <message>
        <source>Your turn has ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your time to choose seats for %1 is over. Join the queue again for a new turn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join the queue again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to concerts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>encore::WalletDialog</name>
    <message>
        <source>Enter an amount or pick one above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a whole number of won, for example 50000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The smallest top-up is %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can add at most %1 at a time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your balance may not exceed %1; you can add up to %2 now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance after top-up: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From %1 to %2 per top-up; balance up to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick top-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount (KRW)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 50000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finishing your interrupted top-up of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirming the payment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish top-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payment is not confirmed yet. It is kept and completed automatically; your card is charged at most once. Press &quot;Finish top-up&quot; to try now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (card ending %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved: added %1%2. Your balance is now %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top-ups are paid by card. Refunds of tickets go back to this wallet, not to your card; to get wallet money back on the card, ask Encore staff.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
