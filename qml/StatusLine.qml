// One calm line about sync, on every screen: what happened last, and what is waiting.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Clc

Rectangle {
    implicitHeight: Math.max(48, line.implicitHeight + 10)
    color: SyncStatus.problem ? Theme.errorFill : Theme.statusLine
    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 12
        anchors.rightMargin: 4
        BusyIndicator {
            running: SyncStatus.busy
            visible: running
            implicitWidth: 28; implicitHeight: 28
        }
        Label {
            id: line
            objectName: "statusText"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            maximumLineCount: 2
            text: SyncStatus.text + (SyncStatus.pending > 0 ? " · " + SyncStatus.pendingText : "")
            elide: Text.ElideRight
            font.pixelSize: 14
            color: SyncStatus.problem ? Theme.errorDark : Theme.inkSoft
        }
        // While a sync runs the same place offers to end it (a slow link, a wrong moment).
        ToolButton {
            id: syncButton
            objectName: "statusSyncButton"
            text: SyncStatus.busy ? qsTr("Cancel") : qsTr("Sync now")
            implicitHeight: 48
            Layout.minimumWidth: 64
            font.pixelSize: 14
            // A tap that lands just as the label changes (a double tap, a retry starting by itself)
            // is not taken as the other action.
            property double changedAt: 0
            property bool wasBusy: false
            Connections {
                target: SyncStatus
                function onChanged() {
                    if (SyncStatus.busy !== syncButton.wasBusy) {
                        syncButton.wasBusy = SyncStatus.busy
                        syncButton.changedAt = Date.now()
                    }
                }
            }
            onClicked: {
                if (Date.now() - changedAt < 700)
                    return
                SyncStatus.busy ? SyncStatus.cancelSync() : SyncStatus.syncNow()
            }
        }
    }
}
