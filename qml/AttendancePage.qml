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
            objectName: "attendanceSummary"
            Layout.fillWidth: true
            Layout.margins: 10
            Layout.bottomMargin: 0
            text: sheet.when + " · " + sheet.summaryText
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
        Label {
            // Said once for the sheet, not on every row.
            objectName: "attendanceWaiting"
            Layout.fillWidth: true
            Layout.leftMargin: 10
            visible: sheet.waitingCount > 0
            text: qsTr("%Ln mark(s) not sent yet: they go with the next sync.", "", sheet.waitingCount)
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
                rightPadding: clearSearch.visible ? clearSearch.width + 4 : padding
                placeholderText: qsTr("Search a name")
                onTextChanged: sheet.filter = text
                ToolButton {
                    id: clearSearch
                    objectName: "clearSearch"
                    anchors.right: parent.right
                    anchors.verticalCenter: parent.verticalCenter
                    width: 48; height: 48
                    visible: search.text.length > 0
                    text: "×"
                    font.pixelSize: 24
                    Accessible.name: qsTr("Clear the search")
                    onClicked: search.text = ""
                }
            }
            Button {
                objectName: "undoButton"
                text: qsTr("Undo")
                enabled: sheet.canUndo
                implicitHeight: 48
                leftPadding: 16; rightPadding: 16
                onClicked: sheet.undo()
            }
        }
        Flow {
            Layout.fillWidth: true
            Layout.leftMargin: 10
            Layout.rightMargin: 10
            spacing: 8
            Switch {
                objectName: "onlyUnmarked"
                text: qsTr("Only not marked")
                implicitHeight: 48
                checked: sheet.onlyUnmarked
                onToggled: sheet.onlyUnmarked = checked
            }
            Label { text: qsTr("Unnamed headcount"); height: 48; verticalAlignment: Text.AlignVCenter }
            SpinBox {
                // − and + as 48 px buttons either side: a thumb can hit them.
                id: headcount
                objectName: "headcount"
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
                objectName: "addWalkIn"
                text: qsTr("Add a walk-in")
                implicitHeight: 48
                leftPadding: 16; rightPadding: 16
                onClicked: page.openWalkIn("")
            }
        }
        Label {
            objectName: "undoneText"
            Layout.fillWidth: true
            Layout.leftMargin: 10
            visible: text.length > 0
            text: sheet.undoneText
            color: Theme.inkSoft
            wrapMode: Text.Wrap
        }
        Label {
            Layout.fillWidth: true
            Layout.leftMargin: 10
            visible: sheet.lastError.length > 0 && !walkIn.visible
            text: sheet.lastError
            color: Theme.error
            wrapMode: Text.Wrap
        }
    }

    function openWalkIn(name) {
        walkName.text = name
        walkYear.text = ""; walkKhu.text = ""; male.checked = false; female.checked = false
        walkIn.khuChoices = sheet.khuChoices()
        sheet.clearError() // a reopened form shows no old refusal
        walkIn.open()
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
            onPressAndHold: { statusMenu.personId = personId; statusMenu.popup() }
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
                        // Only a refusal is said on a row (in red, with the reason); not sent yet is counted in the header.
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
        ColumnLayout {
            // A search that finds nobody on the sheet is not a dead end: the person may be a walk-in,
            // or in the register without being expected.
            objectName: "emptySheet"
            anchors.centerIn: parent
            width: Math.min(parent.width - 40, 420)
            visible: list.count === 0 && !sheet.loading
            spacing: 10
            Label {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                text: sheet.loadError.length > 0 ? sheet.loadError
                    : search.text.length > 0 ? qsTr("Nobody on the list matches «%1».").arg(search.text)
                    : sheet.onlyUnmarked ? qsTr("Everyone on the list is marked.")
                    : qsTr("Nobody is expected: add walk-ins or a headcount.")
                color: Theme.muted
            }
            Button {
                objectName: "walkInFromSearch"
                Layout.fillWidth: true
                visible: search.text.trim().length > 0 && sheet.loadError.length === 0
                implicitHeight: 48
                text: qsTr("Add «%1» as a walk-in").arg(search.text.trim())
                onClicked: page.openWalkIn(search.text.trim())
            }
            Button {
                objectName: "findInRegister"
                Layout.fillWidth: true
                visible: search.text.trim().length > 0 && sheet.loadError.length === 0
                implicitHeight: 48
                text: qsTr("Find in the whole register")
                onClicked: { registerSearch.matches = sheet.registerMatches(search.text); registerSearch.open() }
            }
        }
    }

    Menu {
        id: statusMenu
        objectName: "statusMenu"
        property string personId: "" // who it was opened for: rows move when the sheet is re-read
        Repeater {
            model: [[AttendanceModel.Present, qsTr("present")], [AttendanceModel.Late, qsTr("late")],
                    [AttendanceModel.Excused, qsTr("excused")], [AttendanceModel.Absent, qsTr("absent")],
                    [AttendanceModel.NotMarked, qsTr("not marked")]]
            MenuItem {
                required property var modelData
                text: modelData[1]
                implicitHeight: 48
                onTriggered: sheet.setStatusFor(statusMenu.personId, modelData[0])
            }
        }
    }

    ClcDialog {
        id: registerSearch
        objectName: "registerSearch"
        property var matches: []
        title: qsTr("In the register")
        anchors.centerIn: parent
        width: Math.min(page.width - 20, 480)
        standardButtons: Dialog.Close
        ColumnLayout {
            anchors.fill: parent
            Label {
                Layout.fillWidth: true
                visible: registerSearch.matches.length === 0
                text: qsTr("Nobody in the register matches «%1». Add them as a walk-in.").arg(search.text)
                wrapMode: Text.Wrap
            }
            Repeater {
                model: registerSearch.matches
                Button {
                    required property var modelData
                    Layout.fillWidth: true
                    implicitHeight: 56
                    text: modelData.name + (modelData.detail ? " · " + modelData.detail : "")
                          + " — " + (modelData.onSheet ? qsTr("on the list: mark present") : qsTr("mark present"))
                    onClicked: if (sheet.markFromRegister(modelData.personId)) { registerSearch.close(); search.text = "" }
                }
            }
        }
    }

    ClcDialog {
        id: walkIn
        objectName: "walkInDialog"
        title: qsTr("Add a walk-in")
        modal: true
        anchors.centerIn: parent
        width: Math.min(page.width - 20, 460)
        height: Math.min(page.height - 20, implicitHeight)
        onRejected: sheet.clearError() // a cancelled form's refusal is not the sheet's
        // Apply, not Ok: the form closes only once the walk-in is saved, so nothing typed is lost.
        standardButtons: Dialog.Apply | Dialog.Cancel
        onOpened: walkName.forceActiveFocus()
        // Who of the register has this name: looked up once typing pauses, not on every key.
        property var sameName: []
        property var khuChoices: []
        Timer {
            id: sameNameLookup
            interval: 300
            onTriggered: walkIn.sameName = walkName.text.trim().length >= 2 ? sheet.registerMatches(walkName.text) : []
        }
        // Scrolls when the keyboard or a sideways phone leaves little height; OK stays reachable.
        ScrollView {
            anchors.fill: parent
            contentWidth: availableWidth
            ColumnLayout {
                width: parent.width
                FormLabel { label: qsTr("Full name"); key: "full_name"; errorKey: sheet.lastErrorField }
                TextField { id: walkName; objectName: "walkInName"; Layout.fillWidth: true; implicitHeight: 48; onTextChanged: sameNameLookup.restart() }
                Label {
                    Layout.fillWidth: true
                    visible: walkIn.sameName.length > 0
                    text: qsTr("Already in the register? Tap them instead of adding someone new:")
                    wrapMode: Text.Wrap
                    color: Theme.inkSoft
                }
                Repeater {
                    model: walkIn.sameName.slice(0, 3)
                    Button {
                        required property var modelData
                        Layout.fillWidth: true
                        implicitHeight: 48
                        // Someone already on the list is marked there (or told they are marked), never added twice.
                        text: modelData.name + (modelData.detail ? " · " + modelData.detail : "") + " — " + (modelData.onSheet ? qsTr("on the list: mark present") : qsTr("mark present"))
                        onClicked: if (sheet.markFromRegister(modelData.personId)) walkIn.close()
                    }
                }
                RowLayout {
                    RadioButton { id: male; text: qsTr("Male"); implicitHeight: 48 }
                    RadioButton { id: female; text: qsTr("Female"); implicitHeight: 48 }
                }
                FormLabel { label: qsTr("Year of birth"); key: "birth_year"; errorKey: sheet.lastErrorField }
                TextField { id: walkYear; objectName: "walkInYear"; Layout.fillWidth: true; implicitHeight: 48; inputMethodHints: Qt.ImhDigitsOnly }
                FormLabel { label: qsTr("Neighbourhood (khu)"); key: "khu"; errorKey: sheet.lastErrorField }
                TextField { id: walkKhu; objectName: "walkInKhu"; Layout.fillWidth: true; implicitHeight: 48; placeholderText: qsTr("choose below, or type a new one") }
                ChoiceChips { Layout.fillWidth: true; field: walkKhu; choices: walkIn.khuChoices }
                Label { objectName: "walkInError"; Layout.fillWidth: true; text: sheet.lastError; color: Theme.error; wrapMode: Text.Wrap; visible: text.length > 0 }
            }
        }

        onApplied: {
            if (sheet.addWalkIn(walkName.text, male.checked ? "m" : female.checked ? "f" : "", walkYear.text, walkKhu.text)) {
                walkIn.close(); search.text = ""
            } else {
                // It stays open with what was typed; focus goes to the field the error names.
                walkIn.focusField(sheet.lastErrorField, { full_name: walkName, sex: male, birth_year: walkYear, khu: walkKhu })
            }
        }
    }
}
