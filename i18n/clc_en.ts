<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AttendancePage</name>
    <message numerus="yes">
        <source>%Ln mark(s) not sent yet: they go with the next sync.</source>
        <translation>
            <numerusform>%Ln mark not sent yet: it goes with the next sync.</numerusform>
            <numerusform>%Ln marks not sent yet: they go with the next sync.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanTextPage</name>
    <message numerus="yes">
        <source>%n part(s) were changed and not saved. They will be lost.</source>
        <translation>
            <numerusform>%n part was changed and not saved. It will be lost.</numerusform>
            <numerusform>%n parts were changed and not saved. They will be lost.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SchedulePage</name>
    <message numerus="yes">
        <source>%Ln session(s)</source>
        <translation>
            <numerusform>%Ln session</numerusform>
            <numerusform>%Ln sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln planned participant(s)</source>
        <translation>
            <numerusform>%1 of %Ln planned participant</numerusform>
            <numerusform>%1 of %Ln planned participants</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln participant(s)</source>
        <translation>
            <numerusform>%Ln participant</numerusform>
            <numerusform>%Ln participants</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>not held yet, %Ln participant(s) planned</source>
        <translation>
            <numerusform>not held yet, %Ln participant planned</numerusform>
            <numerusform>not held yet, %Ln participants planned</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SurveyPage</name>
    <message numerus="yes">
        <source>%n answer(s). What people asked for, most asked first:</source>
        <translation>
            <numerusform>%n answer. What people asked for, most asked first:</numerusform>
            <numerusform>%n answers. What people asked for, most asked first:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>clc</name>
    <message numerus="yes">
        <source>%n line(s) have errors; nothing was imported</source>
        <translation>
            <numerusform>%n line has errors; nothing was imported</numerusform>
            <numerusform>%n lines have errors; nothing was imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n participant(s)</source>
        <translation>
            <numerusform>%n participant</numerusform>
            <numerusform>%n participants</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) have errors; nothing was imported.</source>
        <translation>
            <numerusform>%n line has errors; nothing was imported.</numerusform>
            <numerusform>%n lines have errors; nothing was imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) would be imported (dry run: nothing written).</source>
        <translation>
            <numerusform>%n person would be imported (dry run: nothing written).</numerusform>
            <numerusform>%n people would be imported (dry run: nothing written).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) imported.</source>
        <translation>
            <numerusform>%n person imported.</numerusform>
            <numerusform>%n people imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s)</source>
        <translation>
            <numerusform>%n answer</numerusform>
            <numerusform>%n answers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted the plan of %1 (%n row(s)).</source>
        <translation>
            <numerusform>Deleted the plan of %1 (%n row).</numerusform>
            <numerusform>Deleted the plan of %1 (%n rows).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>clc::RegisterModel</name>
    <message numerus="yes">
        <source>%n person(s) ready to import.</source>
        <translation>
            <numerusform>%n person ready to import.</numerusform>
            <numerusform>%n people ready to import.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) must be fixed first; nothing will be imported until then.</source>
        <translation>
            <numerusform>%n line must be fixed first; nothing will be imported until then.</numerusform>
            <numerusform>%n lines must be fixed first; nothing will be imported until then.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) imported.</source>
        <translation>
            <numerusform>%n person imported.</numerusform>
            <numerusform>%n people imported.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>clc::ReportController</name>
    <message numerus="yes">
        <source>%n page(s), as they will print.</source>
        <translation>
            <numerusform>%n page, as they will print.</numerusform>
            <numerusform>%n pages, as they will print.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>clc::SessionListModel</name>
    <message numerus="yes">
        <source>%n participant(s)</source>
        <translation>
            <numerusform>%n participant</numerusform>
            <numerusform>%n participants</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>clc::SurveyModel</name>
    <message numerus="yes">
        <source>%n answer(s)</source>
        <translation>
            <numerusform>%n answer</numerusform>
            <numerusform>%n answers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>clc::SyncStatus</name>
    <message numerus="yes">
        <source>%1 change(s) waiting</source>
        <translation>
            <numerusform>%1 change waiting</numerusform>
            <numerusform>%1 changes waiting</numerusform>
        </translation>
    </message>
</context>
</TS>
