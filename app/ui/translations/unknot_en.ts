<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name></name>
    <message numerus="yes">
        <source>{first} – {last}: {routines} of 7 nights with a routine, %n cramp(s)</source>
        <translation>
            <numerusform>{first} – {last}: {routines} of 7 nights with a routine, %n cramp</numerusform>
            <numerusform>{first} – {last}: {routines} of 7 nights with a routine, %n cramps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{hours}: %n cramp(s)</source>
        <translation>
            <numerusform>{hours}: %n cramp</numerusform>
            <numerusform>{hours}: %n cramps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) saved to {file}.</source>
        <translation>
            <numerusform>%n record saved to {file}.</numerusform>
            <numerusform>%n records saved to {file}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cramp(s)</source>
        <translation>
            <numerusform>%n cramp</numerusform>
            <numerusform>%n cramps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n routine(s) done</source>
        <translation>
            <numerusform>%n routine done</numerusform>
            <numerusform>%n routines done</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deletion(s)</source>
        <translation>
            <numerusform>%n deletion</numerusform>
            <numerusform>%n deletions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) could not be read and were left as they are.</source>
        <translation>
            <numerusform>%n record could not be read and was left as it is.</numerusform>
            <numerusform>%n records could not be read and were left as they are.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n night(s)</source>
        <translation>
            <numerusform>%n night</numerusform>
            <numerusform>%n nights</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not enough nights to compare yet. This needs at least %n nights with a routine and %n without in the range shown; so far there are {with_nights} and {without_nights}.</source>
        <translation>
            <numerusform>Not enough nights to compare yet. This needs at least %n night with a routine and %n without in the range shown; so far there are {with_nights} and {without_nights}.</numerusform>
            <numerusform>Not enough nights to compare yet. This needs at least %n nights with a routine and %n without in the range shown; so far there are {with_nights} and {without_nights}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nights of {first} to {last} (%n night(s))</source>
        <translation>
            <numerusform>Nights of {first} to {last} (%n night)</numerusform>
            <numerusform>Nights of {first} to {last} (%n nights)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} (on {nights} of %n night(s))</source>
        <translation>
            <numerusform>{n} (on {nights} of %n night)</numerusform>
            <numerusform>{n} (on {nights} of %n nights)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} (on %n night(s))</source>
        <translation>
            <numerusform>{n} (on %n night)</numerusform>
            <numerusform>{n} (on %n nights)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n night(s) in a row with a routine</source>
        <translation>
            <numerusform>%n night in a row with a routine</numerusform>
            <numerusform>%n nights in a row with a routine</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min since it began</source>
        <translation>
            <numerusform>%n min since it began</numerusform>
            <numerusform>%n min since it began</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n files have problems, so parts of them are left out. Everything else works as usual.</source>
        <translation>
            <numerusform>%n file has a problem, so part of it is left out. Everything else works as usual.</numerusform>
            <numerusform>%n files have problems, so parts of them are left out. Everything else works as usual.</numerusform>
        </translation>
    </message>
</context>
</TS>
