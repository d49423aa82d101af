// Home: the month's activities. Phone: one column, tapping opens the activity. Tablet: the list and
// the selected activity side by side.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Clc

Page {
    id: page
    property bool wide: false
    property string selectedId: ""
    signal openActivity(string activityId, string activityTitle)
    signal openSession(string sessionId)

    ScheduleModel { id: schedule }
    // The month as days with their sessions ("when and where"): what a resident opens the app for.
    AgendaModel {
        id: agenda
        month: schedule.month
        // Opened at the next session when a month is first shown; a re-read (a sync) leaves the
        // person where they were reading.
        onCountChanged: if (count > 0 && page.positionedMonth !== month) { page.positionedMonth = month; Qt.callLater(page.showNext) }
    }
    property string positionedMonth: ""
    /// The agenda (days and their sessions) or the month's activities: one tap apart.
    property bool showAgenda: true
    function showNext() {
        if (agenda.count > 0)
            agendaList.positionViewAtIndex(agenda.nextIndex >= 0 ? agenda.nextIndex : 0, ListView.Beginning)
    }
    Connections {
        target: SyncStatus
        function onSynced() { schedule.reload(); agenda.reload() }
    }
    onVisibleChanged: if (visible) { schedule.reload(); agenda.reload() }

    property alias pane: detailPane
    function showMonth(month) { schedule.month = month; selectedId = "" }
    function selectOrOpen(activityId) { if (wide) selectedId = activityId; else openActivity(activityId, "") }

    header: ToolBar {
        background: Rectangle { color: Theme.background }
        RowLayout {
            anchors.fill: parent
            Item { Layout.fillWidth: true }
            // The arrows sit beside the month they change, as real 48 px buttons.
            Button {
                objectName: "previousMonth"
                text: "‹"; font.pixelSize: 26
                implicitWidth: 48; implicitHeight: 48
                onClicked: { schedule.previousMonth(); page.selectedId = "" }
                Accessible.name: qsTr("Previous month")
            }
            Label {
                text: schedule.monthLabel
                font.pixelSize: page.wide ? 22 : 18
                font.bold: true
                horizontalAlignment: Text.AlignHCenter
            }
            Button {
                objectName: "nextMonth"
                text: "›"; font.pixelSize: 26
                implicitWidth: 48; implicitHeight: 48
                onClicked: { schedule.nextMonth(); page.selectedId = "" }
                Accessible.name: qsTr("Next month")
            }
            Item { Layout.fillWidth: true }
            Button {
                text: qsTr("Today")
                implicitHeight: 48
                leftPadding: page.wide ? 16 : 8; rightPadding: page.wide ? 16 : 8
                onClicked: { schedule.goToToday(); page.selectedId = "" }
            }
        }
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        ColumnLayout {
        spacing: 0
        Layout.fillHeight: true
        Layout.preferredWidth: page.wide ? page.width * 0.45 : page.width
        Layout.fillWidth: !page.wide
        // Days or activities, and passing the month on.
        RowLayout {
            Layout.fillWidth: true
            Layout.leftMargin: 10; Layout.rightMargin: 10; Layout.topMargin: 6
            spacing: 6
            Button {
                objectName: "showAgenda"
                text: qsTr("Days")
                checkable: true
                checked: page.showAgenda
                highlighted: page.showAgenda
                implicitHeight: 48
                leftPadding: 14; rightPadding: 14
                onClicked: { page.showAgenda = true; Qt.callLater(page.showNext) }
            }
            Button {
                objectName: "showActivities"
                text: qsTr("Activities")
                checkable: true
                checked: !page.showAgenda
                highlighted: !page.showAgenda
                implicitHeight: 48
                leftPadding: 14; rightPadding: 14
                onClicked: page.showAgenda = false
            }
            Item { Layout.fillWidth: true }
            Button {
                objectName: "shareMonth"
                text: qsTr("Share…")
                implicitHeight: 48
                leftPadding: 14; rightPadding: 14
                onClicked: shareMenu.popup()
                Menu {
                    id: shareMenu
                    MenuItem { text: qsTr("Copy as text (Zalo, loudspeaker)"); height: 48; onTriggered: shareNote.show(agenda.copyText()) }
                    MenuItem { text: qsTr("Save as a picture"); height: 48; onTriggered: shareNote.show(agenda.savePicture()) }
                    MenuItem { text: qsTr("Save as a calendar file (.ics)"); height: 48; onTriggered: shareNote.show(agenda.saveCalendar()) }
                }
            }
        }
        Label {
            id: shareNote
            objectName: "shareNote"
            Layout.fillWidth: true
            Layout.leftMargin: 10; Layout.rightMargin: 10
            visible: text.length > 0
            wrapMode: Text.Wrap
            padding: 8
            color: Theme.inkSoft
            background: Rectangle { color: Theme.goodFill; radius: 4 }
            function show(message) { text = message; hideNote.restart() }
            Timer { id: hideNote; interval: 8000; onTriggered: shareNote.text = "" }
        }

        // Why "Today" shows another month: said, not left to guess.
        Label {
            id: notice
            objectName: "scheduleNotice"
            Layout.fillWidth: true
            Layout.leftMargin: 10; Layout.rightMargin: 10; Layout.topMargin: 6
            visible: schedule.notice.length > 0
            text: schedule.notice
            wrapMode: Text.Wrap
            padding: 8
            color: Theme.inkSoft
            background: Rectangle { color: Theme.warnFill; radius: 4 }
        }

        // Nothing ahead in the month shown: when and where the next session is, one tap away.
        Button {
            objectName: "nextElsewhere"
            Layout.fillWidth: true
            Layout.leftMargin: 10; Layout.rightMargin: 10; Layout.topMargin: 6
            visible: page.showAgenda && agenda.nextElsewhere.length > 0
            implicitHeight: Math.max(48, implicitContentHeight + topPadding + bottomPadding)
            contentItem: Label { text: agenda.nextElsewhere + " ›"; wrapMode: Text.Wrap; color: Theme.focus; font.bold: true }
            onClicked: page.showMonth(agenda.nextMonth)
        }

        ListView {
            id: agendaList
            objectName: "agendaList"
            visible: page.showAgenda
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 6
            topMargin: 6; bottomMargin: 10; leftMargin: 10; rightMargin: 10
            model: agenda
            section.property: "dayLabel"
            section.criteria: ViewSection.FullString
            section.delegate: Label {
                required property string section
                width: ListView.view.width - 20
                topPadding: 14; bottomPadding: 4
                text: section
                font.pixelSize: 17
                font.bold: true
                color: section.indexOf("·") >= 0 ? Theme.highlight : Theme.good
            }
            delegate: ItemDelegate {
                id: entry
                required property int index
                required property string sessionId
                required property string activityId
                required property string time
                required property string title
                required property string groups
                required property string place
                required property bool cancelled
                required property bool next
                required property bool past
                width: ListView.view.width - 20
                height: Math.max(56, implicitHeight)
                padding: 12
                highlighted: page.wide && page.selectedId === activityId
                onClicked: page.wide ? page.selectedId = activityId : page.openActivity(activityId, title)
                background: Rectangle {
                    color: entry.next ? Theme.highlightFill : entry.highlighted ? Theme.highlightFill : "white"
                    border.color: entry.next || entry.highlighted ? Theme.highlight : Theme.border
                    border.width: entry.next ? 2 : 1
                    radius: 6
                    opacity: entry.past ? 0.75 : 1
                }
                contentItem: RowLayout {
                    spacing: 12
                    Label {
                        Layout.alignment: Qt.AlignTop
                        Layout.preferredWidth: 64
                        text: entry.time.replace("–", "\n")
                        font.pixelSize: 16
                        font.bold: true
                        color: entry.past ? Theme.muted : Theme.ink
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 2
                        Label {
                            Layout.fillWidth: true
                            visible: entry.next
                            text: qsTr("Next")
                            font.pixelSize: 13
                            font.bold: true
                            color: Theme.highlight
                        }
                        Label {
                            Layout.fillWidth: true
                            text: entry.title + (entry.cancelled ? " — " + qsTr("cancelled") : "")
                            font.pixelSize: 17
                            font.bold: true
                            font.strikeout: entry.cancelled
                            wrapMode: Text.Wrap
                            color: Theme.ink
                        }
                        Label {
                            Layout.fillWidth: true
                            visible: entry.place.length > 0
                            text: qsTr("At: %1").arg(entry.place)
                            wrapMode: Text.Wrap
                            color: Theme.inkStrong
                        }
                        Label {
                            Layout.fillWidth: true
                            visible: entry.groups.length > 0
                            text: qsTr("For: %1").arg(entry.groups)
                            wrapMode: Text.Wrap
                            color: Theme.inkSoft
                        }
                    }
                }
            }
            footer: Label {
                width: ListView.view.width - 20
                visible: agenda.undated.length > 0
                height: visible ? implicitHeight : 0
                topPadding: 16
                text: qsTr("Also planned this month, date to be announced:") + "\n• " + agenda.undated.join("\n• ")
                wrapMode: Text.Wrap
                color: Theme.inkSoft
            }
            Label {
                objectName: "emptyAgenda"
                anchors.centerIn: parent
                width: parent.width - 40
                visible: agenda.count === 0 && !agenda.loading
                text: agenda.loadError.length > 0 ? agenda.loadError
                      : agenda.undated.length > 0 ? qsTr("No dates are set this month yet. Planned: %1").arg(agenda.undated.join("; "))
                      : qsTr("No sessions are scheduled this month.")
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignHCenter
                font.pixelSize: 18
                color: Theme.muted
            }
        }

        ListView {
            id: list
            objectName: "scheduleList"
            visible: !page.showAgenda
            Layout.fillHeight: true
            Layout.fillWidth: true
            clip: true
            spacing: 8
            topMargin: 10; bottomMargin: 10; leftMargin: 10; rightMargin: 10
            model: schedule
            delegate: ItemDelegate {
                id: card
                required property string activityId
                required property string title
                required property string groups
                required property string partners
                required property string kind
                required property int sessionCount
                required property int participants
                required property bool done
                required property int planned
                width: ListView.view.width - 20
                highlighted: page.wide && page.selectedId === activityId
                padding: 14
                onClicked: page.wide ? page.selectedId = activityId : page.openActivity(activityId, title)
                background: Rectangle {
                    color: card.highlighted ? Theme.highlightFill : "white"
                    border.color: card.highlighted ? Theme.highlight : Theme.border
                    radius: 6
                }
                contentItem: ColumnLayout {
                    spacing: 4
                    Label {
                        Layout.fillWidth: true
                        text: card.title
                        wrapMode: Text.Wrap
                        font.pixelSize: 18
                        font.bold: true
                        color: Theme.ink
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: card.groups.length > 0
                        text: qsTr("For: %1").arg(card.groups)
                        wrapMode: Text.Wrap
                        color: Theme.inkStrong
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: card.partners.length > 0
                        text: qsTr("With: %1").arg(card.partners)
                        wrapMode: Text.Wrap
                        color: Theme.inkSoft
                    }
                    Label {
                        Layout.fillWidth: true
                        // Planned against actual, when the plan gives a number.
                        text: card.kind + " · " + qsTr("%Ln session(s)", "", card.sessionCount) + " · "
                              + (card.done ? (card.planned > 0 ? qsTr("%1 of %Ln planned participant(s)", "", card.planned).arg(card.participants.toLocaleString(Qt.locale(), 'f', 0))
                                                               : qsTr("%Ln participant(s)", "", card.participants))
                                           : (card.planned > 0 ? qsTr("not held yet, %Ln participant(s) planned", "", card.planned)
                                                               : qsTr("not held yet")))
                        wrapMode: Text.Wrap
                        color: Theme.muted
                        font.pixelSize: 15
                    }
                }
            }
            Label {
                objectName: "emptyMonth"
                anchors.centerIn: parent
                width: parent.width - 40
                visible: schedule.count === 0 && !schedule.loading
                text: schedule.loadError.length > 0 ? schedule.loadError : qsTr("No activities are planned this month.")
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignHCenter
                font.pixelSize: 18
                color: Theme.muted
            }
        }

        }

        Rectangle { visible: page.wide; Layout.fillHeight: true; width: 1; color: Theme.border }

        ActivityPane {
            id: detailPane
            visible: page.wide
            Layout.fillWidth: true
            Layout.fillHeight: true
            activityId: page.selectedId
            onOpenSession: function(sessionId) { page.openSession(sessionId) }
            onEdited: schedule.reload()
        }
    }
}
