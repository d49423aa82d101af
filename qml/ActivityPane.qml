// One activity: what, for whom, with whom, and its sessions — each showing whether attendance was taken.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Clc

Item {
    id: pane
    property string activityId: ""
    signal openSession(string sessionId)
    readonly property string title: sessions.title
    // The form opens once the activity's current values are read, and takes them once: a later read
    // (a sync) never writes over what the person is typing.
    property bool openWhenLoaded: false
    function edit() {
        editor.clearError()
        editDialog.groupChoices = editor.groupChoices()
        editDialog.partnerChoices = editor.partnerChoices()
        openWhenLoaded = true
        editor.load()
    }
    function fillForm() {
        const f = editor.fields
        eTitle.text = f.title || ""
        eKind.currentIndex = eKind.indexOfValue(f.kind || "other")
        eGroups.text = f.group_text || ""
        ePartner.text = f.partner_text || ""
        eTeacher.text = f.teacher || ""
        ePlanned.text = f.planned_participants || ""
        eBudget.text = f.budget || ""
        eSpent.text = f.budget_spent || ""
        eStatus.currentIndex = eStatus.indexOfValue(f.status || "planned")
        eReason.text = f.not_held_reason || ""
    }
    /// The activity or its sessions changed here: lists showing it re-read.
    signal edited()

    SessionListModel { id: sessions; activityId: pane.activityId }
    ActivityEditor {
        id: editor
        activityId: pane.activityId
        onSaved: { sessions.reload(); pane.edited() }
        onLoaded: {
            if (pane.openWhenLoaded && editor.ready) {
                pane.openWhenLoaded = false
                pane.fillForm()
                editDialog.open()
            }
        }
    }
    // Names the role so the bindings are re-evaluated when enrolment changes it.
    readonly property bool mayEditActivity: StoreManager.role, StoreManager.mayEdit("activities")
    readonly property bool mayAddSession: StoreManager.role, StoreManager.mayEdit("sessions")
    // Back from taking attendance, or after a sync: the counts may have changed.
    onVisibleChanged: if (visible && activityId !== "") sessions.reload()
    Connections {
        target: SyncStatus
        function onSynced() { if (pane.activityId !== "") sessions.reload() }
    }

    Label {
        anchors.centerIn: parent
        width: parent.width - 40
        visible: pane.activityId === ""
        text: qsTr("Choose an activity to see its sessions.")
        wrapMode: Text.Wrap
        horizontalAlignment: Text.AlignHCenter
        color: Theme.muted
    }

    ListView {
        anchors.fill: parent
        visible: pane.activityId !== ""
        clip: true
        spacing: 8
        topMargin: 10; bottomMargin: 10; leftMargin: 12; rightMargin: 12
        model: sessions
        header: ColumnLayout {
            width: ListView.view.width - 24
            spacing: 6
            Label {
                Layout.fillWidth: true
                text: sessions.title
                font.pixelSize: 20
                font.bold: true
                wrapMode: Text.Wrap
            }
            Label {
                Layout.fillWidth: true
                text: sessions.summary
                wrapMode: Text.Wrap
                color: Theme.inkStrong
            }
            Flow {
                Layout.fillWidth: true
                spacing: 8
                Button {
                    text: qsTr("Edit")
                    implicitHeight: 48
                    visible: pane.mayEditActivity
                    onClicked: pane.edit()
                }
                Button {
                    objectName: "addSessionButton"
                    text: qsTr("Add a session")
                    implicitHeight: 48
                    visible: pane.mayAddSession
                    onClicked: {
                        editor.clearError()
                        sessionDialog.placeChoices = editor.placeChoices()
                        sessionDialog.open()
                    }
                }
                Button {
                    text: qsTr("Print the attendance sheet")
                    implicitHeight: 48
                    visible: sessions.count > 0
                    onClicked: ApplicationWindow.window.openReports(ReportController.Attendance, pane.activityId)
                }
            }
            Label {
                Layout.topMargin: 6
                Layout.bottomMargin: 4
                text: sessions.count === 0 ? qsTr("No sessions yet.") : qsTr("Sessions")
                font.pixelSize: 18
                font.bold: true
            }
        }
        delegate: ItemDelegate {
            id: row
            required property string sessionId
            required property string date
            required property string time
            required property string place
            required property string facilitator
            required property bool taken
            required property int present
            required property string attendanceText
            width: ListView.view.width - 24
            padding: 12
            onClicked: pane.openSession(sessionId)
            background: Rectangle { color: "white"; border.color: Theme.border; radius: 6 }
            contentItem: RowLayout {
                spacing: 12
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 2
                    Label { text: row.date + "  " + row.time; font.bold: true; font.pixelSize: 17 }
                    Label { Layout.fillWidth: true; text: row.place; wrapMode: Text.Wrap; visible: row.place.length > 0 }
                    Label { Layout.fillWidth: true; text: row.facilitator; wrapMode: Text.Wrap; visible: row.facilitator.length > 0; color: Theme.muted }
                }
                // Not taken looks different from taken: never a zero that reads like a count.
                Label {
                    objectName: "sessionAttendance"
                    text: row.attendanceText
                    color: row.taken ? Theme.good : Theme.warn
                    font.bold: true
                    padding: 6
                    background: Rectangle { color: row.taken ? Theme.goodFill : Theme.warnFill; radius: 4 }
                }
            }
        }
    }

    ClcDialog {
        id: editDialog
        property var groupChoices: []
        property var partnerChoices: []
        title: qsTr("Edit the activity")
        modal: true
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(parent.width - 20, 560)
        height: Math.min(parent.height - 20, implicitHeight)
        objectName: "activityDialog"
        // Apply, not Save: the form closes only once the activity is saved, so nothing typed is lost.
        standardButtons: Dialog.Apply | Dialog.Cancel
        onOpened: standardButton(Dialog.Apply).enabled = Qt.binding(function() { return editor.ready })
        ScrollView {
            anchors.fill: parent
            contentWidth: availableWidth
            ColumnLayout {
                width: parent.width
                spacing: 4
                FormLabel { label: qsTr("Title"); key: "title"; errorKey: editor.lastErrorField }
                TextArea {
                    id: eTitle
                    Layout.fillWidth: true
                    wrapMode: TextEdit.Wrap
                    background: Rectangle { border.color: eTitle.activeFocus ? Theme.focus : Theme.borderNeutral; radius: 2 }
                }
                FormLabel { label: qsTr("Field"); key: "kind"; errorKey: editor.lastErrorField }
                ClcComboBox {
                    id: eKind; Layout.fillWidth: true; implicitHeight: 48
                    model: editor.kinds; textRole: "label"; valueRole: "value"
                }
                FormLabel { label: qsTr("Target group"); key: "group_text"; errorKey: editor.lastErrorField }
                TextField { id: eGroups; objectName: "activityGroupField"; Layout.fillWidth: true; implicitHeight: 48 }
                ChoiceChips { Layout.fillWidth: true; field: eGroups; choices: editDialog.groupChoices; shown: 6 }
                FormLabel { label: qsTr("Partner"); key: "partner_text"; errorKey: editor.lastErrorField }
                TextField { id: ePartner; objectName: "activityPartnerField"; Layout.fillWidth: true; implicitHeight: 48 }
                ChoiceChips { Layout.fillWidth: true; field: ePartner; choices: editDialog.partnerChoices; shown: 6 }
                FormLabel { label: qsTr("Teacher or speaker"); key: "teacher"; errorKey: editor.lastErrorField }
                TextField { id: eTeacher; Layout.fillWidth: true; implicitHeight: 48 }
                FormLabel { label: qsTr("Planned participants"); key: "planned_participants"; errorKey: editor.lastErrorField }
                TextField { id: ePlanned; Layout.fillWidth: true; implicitHeight: 48; inputMethodHints: Qt.ImhDigitsOnly }
                FormLabel { label: qsTr("Budget (đ)"); key: "budget"; errorKey: editor.lastErrorField }
                TextField { id: eBudget; Layout.fillWidth: true; implicitHeight: 48; inputMethodHints: Qt.ImhDigitsOnly }
                FormLabel { label: qsTr("Spent (đ)"); key: "budget_spent"; errorKey: editor.lastErrorField }
                TextField { id: eSpent; Layout.fillWidth: true; implicitHeight: 48; inputMethodHints: Qt.ImhDigitsOnly }
                FormLabel { label: qsTr("Status"); key: "status"; errorKey: editor.lastErrorField }
                ClcComboBox {
                    id: eStatus; Layout.fillWidth: true; implicitHeight: 48
                    model: editor.statuses; textRole: "label"; valueRole: "value"
                }
                // For the year-end summary: what the director writes beside an activity that did not happen.
                FormLabel { label: qsTr("Why it did not take place"); key: "not_held_reason"; errorKey: editor.lastErrorField }
                TextField { id: eReason; objectName: "activityReasonField"; Layout.fillWidth: true; implicitHeight: 48
                            placeholderText: qsTr("Only if it did not take place") }
                Label { Layout.fillWidth: true; text: editor.lastError; color: Theme.error; wrapMode: Text.Wrap; visible: text.length > 0 }
            }
        }
        onApplied: {
            if (editor.save({ title: eTitle.text, kind: eKind.currentValue, group_text: eGroups.text, partner_text: ePartner.text,
                              teacher: eTeacher.text, planned_participants: ePlanned.text, budget: eBudget.text,
                              budget_spent: eSpent.text, status: eStatus.currentValue, not_held_reason: eReason.text }))
                close() // else it stays open with what was typed; the message names the field, focused
            else
                editDialog.focusField(editor.lastErrorField, { title: eTitle, kind: eKind, group_text: eGroups, partner_text: ePartner,
                                                               teacher: eTeacher, planned_participants: ePlanned, budget: eBudget,
                                                               budget_spent: eSpent, status: eStatus, not_held_reason: eReason })
        }
    }

    ClcDialog {
        id: sessionDialog
        property var placeChoices: []
        title: qsTr("Add a session")
        modal: true
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(parent.width - 20, 460)
        height: Math.min(parent.height - 20, implicitHeight)
        objectName: "sessionDialog"
        // Apply, not Ok: it closes only once the session is saved; labels stay above the fields.
        standardButtons: Dialog.Apply | Dialog.Cancel
        onOpened: sDate.forceActiveFocus()
        // Scrolls on a phone: the place chips can make it taller than the screen.
        ScrollView {
            anchors.fill: parent
            contentWidth: availableWidth
            ColumnLayout {
                width: parent.width
                FormLabel { label: qsTr("Date"); key: "date"; errorKey: editor.lastErrorField }
                TextField { id: sDate; objectName: "sessionDate"; Layout.fillWidth: true; implicitHeight: 48; placeholderText: qsTr("e.g. 25/11/2017") }
                RowLayout {
                    Layout.fillWidth: true
                    ColumnLayout {
                        FormLabel { label: qsTr("From"); key: "start"; errorKey: editor.lastErrorField }
                        TextField { id: sStart; objectName: "sessionStart"; Layout.fillWidth: true; implicitHeight: 48; placeholderText: qsTr("e.g. 08:00") }
                    }
                    ColumnLayout {
                        FormLabel { label: qsTr("To (optional)"); key: "ends_at"; errorKey: editor.lastErrorField }
                        TextField { id: sEnd; Layout.fillWidth: true; implicitHeight: 48 }
                    }
                }
                FormLabel { label: qsTr("Place"); key: "place"; errorKey: editor.lastErrorField }
                TextField { id: sPlace; objectName: "sessionPlaceField"; Layout.fillWidth: true; implicitHeight: 48 }
                ChoiceChips { Layout.fillWidth: true; field: sPlace; choices: sessionDialog.placeChoices; shown: 8 }
                FormLabel { label: qsTr("Facilitator"); key: "facilitator"; errorKey: editor.lastErrorField }
                TextField { id: sFacilitator; Layout.fillWidth: true; implicitHeight: 48 }
                Label { objectName: "sessionError"; Layout.fillWidth: true; text: editor.lastError; color: Theme.error; wrapMode: Text.Wrap; visible: text.length > 0 }
            }
        }
        onApplied: {
            if (editor.addSession(sDate.text, sStart.text, sEnd.text, sPlace.text, sFacilitator.text)) {
                sDate.text = ""; sStart.text = ""; sEnd.text = ""
                close()
            } else {
                sessionDialog.focusField(editor.lastErrorField, { date: sDate, start: sStart, starts_at: sStart, ends_at: sEnd,
                                                                  place: sPlace, facilitator: sFacilitator })
            }
        }
    }
}
