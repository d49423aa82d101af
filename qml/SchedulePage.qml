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
    Connections {
        target: SyncStatus
        function onSynced() { schedule.reload() }
    }
    onVisibleChanged: if (visible) schedule.reload()

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

        ListView {
            id: list
            objectName: "scheduleList"
            Layout.fillHeight: true
            Layout.preferredWidth: page.wide ? page.width * 0.45 : page.width
            Layout.fillWidth: !page.wide
            clip: true
            spacing: 8
            topMargin: 10; bottomMargin: 10; leftMargin: 10; rightMargin: 10
            model: schedule
            header: Item {
                // Why "Today" shows another month: said, not left to guess.
                width: ListView.view.width - 20
                height: notice.visible ? notice.implicitHeight + 10 : 0
                Label {
                    id: notice
                    objectName: "scheduleNotice"
                    width: parent.width
                    visible: schedule.notice.length > 0
                    text: schedule.notice
                    wrapMode: Text.Wrap
                    padding: 8
                    color: Theme.inkSoft
                    background: Rectangle { color: Theme.warnFill; radius: 4 }
                }
            }
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
