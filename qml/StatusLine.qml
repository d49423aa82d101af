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
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            maximumLineCount: 2
            text: SyncStatus.text + (SyncStatus.pending > 0 ? " · " + SyncStatus.pendingText : "")
            elide: Text.ElideRight
            font.pixelSize: 14
            color: SyncStatus.problem ? Theme.errorDark : Theme.inkSoft
        }
        ToolButton {
            text: qsTr("Sync now")
            enabled: !SyncStatus.busy
            implicitHeight: 48
            font.pixelSize: 14
            onClicked: SyncStatus.syncNow()
        }
    }
}
