// First run: the device belongs to no centre yet. Join the ward's centre (enrol with the office's
// code), start a new centre, or try the app with the bundled sample. Never an error on first launch.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Clc

Page {
    id: page
    objectName: "welcomePage"
    signal join()
    background: Rectangle { color: Theme.background }
    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth
        ColumnLayout {
            width: Math.min(parent.width - 32, 560)
            x: (parent.width - width) / 2
            spacing: 12
            Item { height: 12 }
            Label { text: qsTr("Welcome to the learning centre's app"); font.pixelSize: 24; font.bold: true; wrapMode: Text.Wrap; Layout.fillWidth: true; color: Theme.ink }
            Label {
                text: qsTr("The plan, the schedule, the register and attendance, kept on this device and shared with the ward office when the network allows.")
                wrapMode: Text.Wrap; Layout.fillWidth: true; color: Theme.muted
            }

            Label { text: qsTr("Join the ward's centre"); font.pixelSize: 19; font.bold: true; Layout.topMargin: 12; color: Theme.ink }
            Label { text: qsTr("The ward office gives a code (or a link) for this device."); wrapMode: Text.Wrap; Layout.fillWidth: true; color: Theme.muted }
            Button { objectName: "joinButton"; text: qsTr("Enter the code…"); implicitHeight: 48; onClicked: page.join() }

            Label { text: qsTr("Start a new centre"); font.pixelSize: 19; font.bold: true; Layout.topMargin: 12; color: Theme.ink }
            Label { text: qsTr("Name of the centre"); color: Theme.muted }
            TextField { id: name; objectName: "centreName"; Layout.fillWidth: true; implicitHeight: 48
                        placeholderText: qsTr("e.g. Trung tâm học tập cộng đồng phường Đức Chính") }
            Label { text: qsTr("Ward or commune"); color: Theme.muted }
            TextField { id: ward; objectName: "centreWard"; Layout.fillWidth: true; implicitHeight: 48; placeholderText: qsTr("e.g. phường Đức Chính") }
            Label { id: startError; objectName: "startError"; Layout.fillWidth: true; wrapMode: Text.Wrap; color: Theme.error; visible: text.length > 0 }
            PrimaryButton {
                objectName: "startButton"
                glyph: "add"
                text: qsTr("Start the centre")
                implicitHeight: 48
                onClicked: {
                    startError.text = StoreManager.startCentre(name.text, ward.text)
                    if (startError.text.length > 0)
                        name.forceActiveFocus()
                }
            }

            Label { text: qsTr("Try it first"); font.pixelSize: 19; font.bold: true; Layout.topMargin: 12; color: Theme.ink }
            Label { text: qsTr("The 2017–2018 plan of Đức Chính ward and a sample register of 300 residents."); wrapMode: Text.Wrap; Layout.fillWidth: true; color: Theme.muted }
            Label { id: sampleError; Layout.fillWidth: true; wrapMode: Text.Wrap; color: Theme.error; visible: text.length > 0 }
            Button { objectName: "sampleButton"; text: qsTr("Try it with sample data"); implicitHeight: 48; onClicked: sampleError.text = StoreManager.loadSample() }
            Item { height: 24 }
        }
    }
}
