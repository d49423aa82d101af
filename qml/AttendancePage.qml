// Taking attendance, one hand on a tablet: big rows, a tap marks present, further taps cycle late,
// excused, absent; search ignores diacritics; walk-ins; a headcount for large events; undo.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Clc

Page {
    id: page
    property alias sessionId: sheet.sessionId
    title: sheet.title

    AttendanceModel { id: sheet }
    Connections {
        target: SyncStatus
        function onSynced() { sheet.reload() }
    }


    header: ColumnLayout {
        spacing: 6
        Label {
            Layout.fillWidth: true
            Layout.margins: 10
            Layout.bottomMargin: 0
            text: sheet.when + " · " + (sheet.taken ? qsTr("%1 present of %2 expected").arg(sheet.presentCount).arg(sheet.expectedCount)
                                                    : qsTr("Attendance not taken yet (%1 expected)").arg(sheet.expectedCount))
            font.pixelSize: 17
            font.bold: true
            wrapMode: Text.Wrap
        }
        Label {
            Layout.fillWidth: true
            Layout.leftMargin: 10
            visible: text.length > 0
            text: sheet.recordedText
            font.pixelSize: 14
            color: Theme.muted
            wrapMode: Text.Wrap
        }
        RowLayout {
            Layout.fillWidth: true
            Layout.leftMargin: 10
            Layout.rightMargin: 10
            TextField {
                id: search
                objectName: "attendanceSearch"
                Layout.fillWidth: true
                Layout.minimumWidth: 120
                implicitHeight: 48
                placeholderText: qsTr("Search a name")
                onTextChanged: sheet.filter = text
            }
            Button {
                objectName: "undoButton"
                text: qsTr("Undo")
                enabled: sheet.canUndo
                implicitHeight: 48
                onClicked: sheet.undo()
            }
        }
        Flow {
            Layout.fillWidth: true
            Layout.leftMargin: 10
            Layout.rightMargin: 10
            spacing: 8
            Label { text: qsTr("Unnamed headcount"); height: 48; verticalAlignment: Text.AlignVCenter }
            SpinBox {
                // − and + as 48 px buttons either side: a thumb can hit them.
                id: headcount
                from: 0; to: 100000
                editable: true
                value: sheet.headcount
                implicitHeight: 48
                implicitWidth: 180
                leftPadding: 52; rightPadding: 52
                onValueModified: sheet.headcount = value
                down.indicator: Rectangle {
                    x: 0; width: 48; height: headcount.height
                    color: headcount.down.pressed ? Theme.border : Theme.surfaceDim; border.color: Theme.borderStrong; radius: 4
                    Text { anchors.centerIn: parent; text: "−"; font.pixelSize: 26; color: Theme.inkStrong }
                }
                up.indicator: Rectangle {
                    x: headcount.width - width; width: 48; height: headcount.height
                    color: headcount.up.pressed ? Theme.border : Theme.surfaceDim; border.color: Theme.borderStrong; radius: 4
                    Text { anchors.centerIn: parent; text: "+"; font.pixelSize: 26; color: Theme.inkStrong }
                }
                Accessible.name: qsTr("Unnamed headcount")
            }
            Button {
                text: qsTr("Add a walk-in")
                implicitHeight: 48
                onClicked: walkIn.open()
            }
        }
        Label {
            Layout.fillWidth: true
            Layout.leftMargin: 10
            visible: sheet.lastError.length > 0
            text: sheet.lastError
            color: Theme.error
            wrapMode: Text.Wrap
        }
    }

    ListView {
        id: list
        objectName: "attendanceList"
        anchors.fill: parent
        clip: true
        spacing: 6
        topMargin: 8; bottomMargin: 8; leftMargin: 10; rightMargin: 10
        model: sheet
        delegate: ItemDelegate {
            id: person
            required property int index
            required property string personId
            required property string name
            required property string detail
            required property int status
            required property string statusText
            required property string statusCode
            required property int sync
            required property string syncText
            width: ListView.view.width - 20
            implicitHeight: 64
            onClicked: sheet.cycle(index)
            background: Rectangle { color: Theme.statusFill(person.statusCode); radius: 6; border.color: Theme.borderStrong }
            contentItem: RowLayout {
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 0
                    Label { Layout.fillWidth: true; text: person.name; font.pixelSize: 19; elide: Text.ElideRight; color: Theme.ink }
                    Label { Layout.fillWidth: true; text: person.detail; font.pixelSize: 14; color: Theme.muted; elide: Text.ElideRight }
                }
                ColumnLayout {
                    spacing: 0
                    Label {
                        Layout.alignment: Qt.AlignRight
                        text: person.statusText
                        font.pixelSize: 16
                        font.bold: person.status !== AttendanceModel.NotMarked
                        color: person.status === AttendanceModel.NotMarked ? Theme.faint : Theme.ink
                    }
                    Label {
                        // This mark's own sync state: sent, not sent yet, or refused (in red, with the reason).
                        Layout.alignment: Qt.AlignRight
                        Layout.maximumWidth: person.width * 0.45
                        visible: text.length > 0
                        text: person.syncText
                        font.pixelSize: 13
                        color: person.sync === AttendanceModel.Refused ? Theme.error : Theme.muted
                        elide: Text.ElideRight
                    }
                }
            }
        }
        Label {
            anchors.centerIn: parent
            visible: list.count === 0 && !sheet.loading
            text: sheet.loadError.length > 0 ? sheet.loadError
                : search.text.length > 0 ? qsTr("Nobody on the list matches.") : qsTr("Nobody is expected: add walk-ins or a headcount.")
            color: Theme.muted
        }
    }

    ClcDialog {
        id: walkIn
        title: qsTr("Add a walk-in")
        modal: true
        anchors.centerIn: parent
        width: Math.min(page.width - 20, 460)
        standardButtons: Dialog.Ok | Dialog.Cancel
        ColumnLayout {
            anchors.fill: parent
            TextField { id: walkName; Layout.fillWidth: true; implicitHeight: 48; placeholderText: qsTr("Full name") }
            RowLayout {
                RadioButton { id: male; text: qsTr("Male") }
                RadioButton { id: female; text: qsTr("Female") }
            }
            TextField { id: walkYear; Layout.fillWidth: true; implicitHeight: 48; placeholderText: qsTr("Year of birth"); inputMethodHints: Qt.ImhDigitsOnly }
            TextField { id: walkKhu; Layout.fillWidth: true; implicitHeight: 48; placeholderText: qsTr("Neighbourhood (khu)") }
        }
        onAccepted: {
            if (sheet.addWalkIn(walkName.text, male.checked ? "m" : female.checked ? "f" : "", parseInt(walkYear.text) || 0, walkKhu.text)) {
                walkName.text = ""; walkYear.text = ""; walkKhu.text = ""
            }
        }
    }
}
