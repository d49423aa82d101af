// Sync: the server and this device, enrolment with a one-time code, "sync now", and the kept
// conflicts in plain words with one action to restore the other value.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs
import Clc

Page {
    id: page
    title: qsTr("Sync")
    SettingsController { id: settings }
    ConflictModel { id: conflicts }
    Component.onCompleted: if (visible) conflicts.reload()
    onVisibleChanged: if (visible) { conflicts.reload(); list.positionViewAtBeginning() }
    Connections {
        target: conflicts
        function onLoaded() { if (page.visible && list.contentY <= 0) list.positionViewAtBeginning() }
    }
    Connections {
        target: SyncStatus
        function onSynced() { conflicts.reload() }
        // The form lives in the list's header (its own scope): it reads these page properties.
        function onEnrolled(name) { page.enrolText = qsTr("Enrolled as %1.").arg(name); page.enrolColor = Theme.good; page.enrolField = "" }
        function onEnrolFailed(reason, field) {
            page.enrolText = reason; page.enrolColor = Theme.error; page.enrolField = field
            page.focusEnrolField(field)
        }
    }
    property string enrolText: ""
    /// A move to another server the person confirmed (the address), see the Enrol button.
    property string confirmedMove: ""
    function hostOf(address) {
        const m = address.match(/^[a-z]+:\/\/([^\/:?#]+)/i)
        return m ? m[1].toLowerCase() : address.toLowerCase()
    }
    property color enrolColor: Theme.inkSoft
    /// The form field the last refusal was about ("server", "code"): marked, and given the focus.
    property string enrolField: ""
    /// A picture of the office's QR code: the form is filled from it, or the page says why not.
    signal qrRead(var link)
    function useQrPicture(pathOrUrl) {
        const link = SyncStatus.readQrPicture(pathOrUrl)
        if (link.error) {
            page.enrolText = link.error; page.enrolColor = Theme.error
            return
        }
        qrRead(link)
        page.enrolText = qsTr("The QR code gave the address and the code: check them, then press Enrol.")
        page.enrolColor = Theme.inkSoft
        page.enrolField = ""
    }
    signal focusEnrolField(string field)
    /// Shown on the first run's "Join": back to the welcome (start a centre, try the sample) for a
    /// person who has no code after all.
    property bool offerWelcome: false
    signal backToWelcome()

    ListView {
        id: list
        objectName: "conflictList"
        anchors.fill: parent
        clip: true
        spacing: 8
        topMargin: 12; bottomMargin: 12; leftMargin: 12; rightMargin: 12
        model: conflicts
        header: ColumnLayout {
            width: ListView.view.width - 24
            spacing: 8
            Button {
                objectName: "backToWelcome"
                visible: page.offerWelcome
                text: qsTr("‹ Back: start a centre or try the sample instead")
                implicitHeight: 48
                leftPadding: 16; rightPadding: 16
                onClicked: page.backToWelcome()
            }
            Label { Layout.fillWidth: true; text: SyncStatus.text; wrapMode: Text.Wrap; font.pixelSize: 17; font.bold: true }
            Label {
                Layout.fillWidth: true
                text: qsTr("Server: %1").arg(settings.server.length > 0 ? settings.server : qsTr("none yet"))
                wrapMode: Text.Wrap
            }
            RowLayout {
                spacing: 8
                PrimaryButton {
                    objectName: "syncNowButton"
                    glyph: "sync"
                    text: qsTr("Sync now")
                    enabled: !SyncStatus.busy
                    implicitHeight: 48
                    onClicked: SyncStatus.syncNow()
                }
                Button {
                    objectName: "cancelSyncButton"
                    visible: SyncStatus.busy
                    text: qsTr("Cancel")
                    implicitHeight: 48
                    onClicked: SyncStatus.cancelSync()
                }
                BusyIndicator { running: SyncStatus.busy; visible: running; implicitWidth: 32; implicitHeight: 32 }
            }
            // Enrolled devices keep the form folded away: enrolling again is rare (a new server, a new role).
            readonly property bool enrolled: settings.server.length > 0
            property bool enrolAgain: false
            Button {
                objectName: "enrolAgainButton"
                visible: parent.enrolled && !parent.enrolAgain
                text: qsTr("Enrol again with a new code…")
                implicitHeight: 48
                Layout.topMargin: 12
                onClicked: parent.enrolAgain = true
            }
            Label {
                visible: !parent.enrolled || parent.enrolAgain
                text: qsTr("Enrol this device"); font.pixelSize: 18; font.bold: true; Layout.topMargin: 12
            }
            Label {
                visible: !parent.enrolled || parent.enrolAgain
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: Theme.inkSoft
                text: qsTr("The ward office gives the address and a one-time code. Until then, everything you enter is kept on this device; nothing is lost by working offline.")
            }
            Connections {
                target: page
                function onFocusEnrolField(field) { if (field === "server") server.forceActiveFocus(); else if (field === "code") code.forceActiveFocus() }
            }
            FormLabel { visible: !parent.enrolled || parent.enrolAgain; label: qsTr("Server address"); key: "server"; errorKey: page.enrolField }
            TextField {
                id: server
                objectName: "enrolServer"
                visible: !parent.enrolled || parent.enrolAgain
                Layout.fillWidth: true; implicitHeight: 48
                placeholderText: qsTr("e.g. https://clc.example, or paste the office's clc://enroll link")
                text: SyncStatus.offeredLink.server || settings.server
                // The office's whole link pasted here: it holds both the address and the code.
                onTextChanged: {
                    if (text.indexOf("clc://") < 0)
                        return
                    const link = SyncStatus.parseLink(text)
                    if (link.server) {
                        code.text = link.code
                        text = link.server
                        page.enrolText = qsTr("The link gave the address and the code: check them, then press Enrol.")
                        page.enrolColor = Theme.inkSoft
                    }
                }
            }
            FormLabel { visible: !parent.enrolled || parent.enrolAgain; label: qsTr("One-time code"); key: "code"; errorKey: page.enrolField }
            TextField {
                id: code
                objectName: "enrolCode"
                visible: !parent.enrolled || parent.enrolAgain
                Layout.fillWidth: true; implicitHeight: 48
                placeholderText: qsTr("e.g. K7QM-2XRT-9BHF")
                text: SyncStatus.offeredLink.code || ""
            }
            Button {
                objectName: "readQrPicture"
                visible: !parent.enrolled || parent.enrolAgain
                text: qsTr("Read the QR code from a picture…")
                implicitHeight: 48
                leftPadding: 16; rightPadding: 16
                onClicked: qrPicker.open()
            }
            FileDialog {
                id: qrPicker
                title: qsTr("The picture of the office's QR code")
                nameFilters: [qsTr("Pictures (*.png *.jpg *.jpeg)"), qsTr("All files (*)")]
                onAccepted: page.useQrPicture(selectedFile.toString())
            }
            Connections {
                target: page
                function onQrRead(link) { server.text = link.server; code.text = link.code }
            }
            RowLayout {
                visible: !parent.enrolled || parent.enrolAgain
                PrimaryButton {
                    objectName: "enrolButton"
                    glyph: "login"
                    text: qsTr("Enrol")
                    enabled: server.text.length > 0 && code.text.length > 0 && !SyncStatus.enrolling
                    implicitHeight: 48
                    leftPadding: 16; rightPadding: 16
                    onClicked: {
                        // A device already syncing with a server is moved to another one (and its
                        // register with it) only on a second, deliberate press: a link or a QR code
                        // from someone else must not take it elsewhere unnoticed.
                        const current = settings.server.trim(), wanted = server.text.trim()
                        if (current.length > 0 && page.hostOf(current) !== page.hostOf(wanted) && page.confirmedMove !== wanted) {
                            page.confirmedMove = wanted
                            page.enrolText = qsTr("This device syncs with %1. Enrolling with %2 moves it, and the learners it holds, to that server. Press Enrol again only if the ward office asked for this.")
                                .arg(page.hostOf(current)).arg(page.hostOf(wanted))
                            page.enrolColor = Theme.error
                            page.enrolField = "server"
                            return
                        }
                        page.enrolText = qsTr("Enrolling… (at most about 12 seconds)"); page.enrolColor = Theme.inkSoft; page.enrolField = ""
                        SyncStatus.enrol(server.text, code.text)
                    }
                }
                // While it runs: that it runs, and a way out.
                BusyIndicator { running: SyncStatus.enrolling; visible: running; implicitHeight: 40; implicitWidth: 40 }
                Button {
                    objectName: "cancelEnrol"
                    visible: SyncStatus.enrolling
                    text: qsTr("Cancel")
                    implicitHeight: 48
                    leftPadding: 16; rightPadding: 16
                    onClicked: SyncStatus.cancelEnrol()
                }
            }
            Label { id: enrolMessage; objectName: "enrolMessage"; Layout.fillWidth: true; wrapMode: Text.Wrap; text: page.enrolText; color: page.enrolColor }
            Label {
                text: conflicts.count === 0 ? qsTr("No conflicts to review.") : qsTr("Conflicts to review")
                font.pixelSize: 18
                font.bold: true
                Layout.topMargin: 12
            }
            Label { Layout.fillWidth: true; text: conflicts.lastError; visible: text.length > 0; color: Theme.error; wrapMode: Text.Wrap }
        }
        delegate: Rectangle {
            id: item
            required property int index
            required property string what
            required property string kept
            required property string other
            required property string when
            width: ListView.view.width - 24
            implicitHeight: col.implicitHeight + 20
            radius: 6
            border.color: Theme.warnBorder
            color: Theme.warnFill
            ColumnLayout {
                id: col
                anchors.fill: parent
                anchors.margins: 10
                Label { Layout.fillWidth: true; text: item.what; font.bold: true; wrapMode: Text.Wrap }
                Label { Layout.fillWidth: true; text: qsTr("Kept: %1").arg(item.kept); wrapMode: Text.Wrap }
                Label { Layout.fillWidth: true; text: qsTr("Other value: %1").arg(item.other); wrapMode: Text.Wrap }
                Label { Layout.fillWidth: true; text: item.when; wrapMode: Text.Wrap; color: Theme.note; font.pixelSize: 14 }
                Button {
                    objectName: "restoreButton"
                    text: qsTr("Use the other value")
                    implicitHeight: 48
                    onClicked: conflicts.restore(item.index)
                }
            }
        }
    }
}
