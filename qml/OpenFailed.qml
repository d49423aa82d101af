// The window shown when this device's data cannot be opened (main.cpp): the storage is full, a newer
// app made the file, or the file is damaged or cannot be read. It says what happened in words, what
// to do, and that nothing was deleted; Try again opens the data again, Close quits.
// docs/app.md#open-failed.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Clc

ApplicationWindow {
    id: window
    objectName: "openFailed"
    visible: true
    width: 390
    height: 844
    title: qsTr("Learning centre")
    color: Theme.background

    /// "full", "newer" or "damaged" (any other error opening the file)
    property string kind: "damaged"
    /// what the store said (technical, for the ward office: SQLite's own words are English)
    property string detail: ""
    /// the data file and the folder of the app's log
    property string path: ""
    property string logFolder: ""

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth
        ColumnLayout {
            width: Math.min(parent.width - 32, 560)
            x: (parent.width - width) / 2
            spacing: 12
            Item { height: 12 }
            Label {
                objectName: "openFailedTitle"
                text: window.kind === "full" ? qsTr("This device's storage is full")
                    : window.kind === "newer" ? qsTr("This data was made by a newer version of the app")
                    : qsTr("The data on this device cannot be opened")
                font.pixelSize: 24; font.bold: true; wrapMode: Text.Wrap; Layout.fillWidth: true; color: Theme.error
            }
            Label {
                objectName: "openFailedAdvice"
                text: window.kind === "full"
                      ? qsTr("Nothing was lost: the app stopped before changing anything. Free some space (delete photos, videos or apps you do not need), then press Try again.")
                      : window.kind === "newer"
                        ? qsTr("Nothing was lost. Install the latest version of the app, then open it again. Do not delete the data file.")
                        : qsTr("Nothing was deleted. Press Try again first (another program may have been using the data). If it still does not open, do not delete the data file and do not reinstall the app: call the ward office and read them the details below. The attendance already sent to the office is safe there.")
                wrapMode: Text.Wrap; Layout.fillWidth: true; color: Theme.ink; font.pixelSize: 16
            }
            RowLayout {
                spacing: 12
                Layout.topMargin: 8
                PrimaryButton { objectName: "retryButton"; text: qsTr("Try again"); onClicked: Qt.exit(3) }
                Button { objectName: "closeButton"; text: qsTr("Close"); implicitHeight: 48; onClicked: Qt.exit(1) }
            }
            Label { text: qsTr("Details for the ward office"); font.bold: true; Layout.topMargin: 16; color: Theme.muted }
            TextArea {
                objectName: "openFailedDetail"
                readOnly: true
                selectByMouse: true
                wrapMode: TextEdit.Wrap
                Layout.fillWidth: true
                color: Theme.inkSoft
                text: window.detail + "\n" + qsTr("Data file: %1").arg(window.path) + "\n" + qsTr("Log folder: %1").arg(window.logFolder)
                background: Rectangle { color: Theme.surfaceDim; radius: 4 }
            }
        }
    }
}
