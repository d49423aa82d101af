// The year's plan: targets with their progress (computed in C++), activities held, budget, the
// quarterly tasks.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs
import Clc

Page {
    id: page
    title: plan.schoolYear === "" ? qsTr("Plan") : qsTr("Plan %1").arg(plan.schoolYear)
    signal openReports()
    // Names the role so the binding is re-evaluated when enrolment changes it.
    readonly property bool mayImport: StoreManager.role, StoreManager.mayEdit("plans")
    readonly property bool mayEditTargets: StoreManager.role, StoreManager.mayEdit("targets")
    // A viewer's phone has neither the survey nor the plan's editing.
    readonly property bool maySurvey: StoreManager.role, StoreManager.mayEdit("survey_answers")
    PlanModel { id: plan }
    function openDialog(name) { if (name === "survey") surveyPage.open(); else planText.open() }
    Connections {
        target: SyncStatus
        function onSynced() { if (page.visible) plan.reload() }
    }
    // Shown again: read again and show the top. The header grows when the figures arrive; until the
    // user scrolls, the page stays pinned to its top (a ListView keeps its place when the header grows).
    property bool pinnedTop: true
    onVisibleChanged: if (visible) { pinnedTop = true; plan.reload(); list.positionViewAtBeginning() }
    Component.onCompleted: if (visible) plan.reload()

    ListView {
        id: list
        anchors.fill: parent
        currentIndex: -1 // no current item to keep in view: a re-read must not scroll the page
        onMovementStarted: page.pinnedTop = false
        clip: true
        spacing: 8
        topMargin: 12; bottomMargin: 12; leftMargin: 12; rightMargin: 12
        model: plan
        // list.width, not ListView.view: a header has no such attached property, and without a width
        // the header took its widest child's (the charts ran off a phone's screen).
        header: ColumnLayout {
            width: list.width - 24
            spacing: 4
            onHeightChanged: if (page.pinnedTop) Qt.callLater(list.positionViewAtBeginning)
            Button {
                text: qsTr("Reports: print, save…")
                implicitHeight: 48
                Layout.bottomMargin: 6
                onClicked: page.openReports()
            }
            // The year's cycle: the plan's own text, the survey it asks for, next year's draft.
            GridLayout {
                Layout.fillWidth: true
                columns: page.width >= 800 ? 3 : 1
                columnSpacing: 6
                visible: plan.schoolYear !== ""
                Button {
                    objectName: "editPlanText"
                    Layout.fillWidth: true
                    visible: page.mayImport
                    text: qsTr("Edit the plan's text")
                    implicitHeight: 48
                    onClicked: planText.open()
                }
                Button {
                    objectName: "openSurvey"
                    Layout.fillWidth: true
                    visible: page.maySurvey
                    text: qsTr("Learning-needs survey")
                    implicitHeight: 48
                    onClicked: surveyPage.open()
                }
                Button {
                    objectName: "draftNextYear"
                    Layout.fillWidth: true
                    visible: page.mayImport
                    text: qsTr("Draft the plan of %1").arg(plan.nextYear)
                    implicitHeight: 48
                    onClicked: plan.draftNextYear()
                }
            }
            Label {
                objectName: "draftMessage"
                Layout.fillWidth: true
                visible: text.length > 0
                text: plan.draftMessage
                wrapMode: Text.Wrap
                color: plan.draftFailed ? Theme.error : Theme.good
            }
            // No plan yet: say where it comes from, and let a coordinator bring the file in.
            Label {
                Layout.fillWidth: true
                visible: plan.schoolYear === "" && !plan.loading
                text: qsTr("There is no plan for a school year yet. It arrives from the ward office when this device syncs, or a coordinator imports the plan file (clc-plan JSON) here.")
                wrapMode: Text.Wrap
                color: Theme.muted
            }
            Button {
                visible: plan.schoolYear === "" && !plan.loading && page.mayImport
                text: qsTr("Import a plan…")
                implicitHeight: 48
                onClicked: planPicker.open()
            }
            Label {
                Layout.fillWidth: true
                visible: text.length > 0
                text: plan.importMessage
                wrapMode: Text.Wrap
                color: plan.importFailed ? Theme.error : Theme.good
            }
            Label { text: plan.activitiesText; wrapMode: Text.Wrap; Layout.fillWidth: true; font.pixelSize: 17; font.bold: true }
            Label { text: plan.budgetText; wrapMode: Text.Wrap; Layout.fillWidth: true }
            // Where people would rather look than read: the year month by month, and by field.
            BarChart {
                objectName: "monthlyChart"
                Layout.fillWidth: true
                Layout.preferredWidth: 0 // as wide as the page, never wider (its bars are sized from its width)
                visible: plan.schoolYear !== ""
                title: qsTr("Attendances month by month")
                bars: plan.monthlyAttendances
            }
            BarChart {
                objectName: "kindChart"
                Layout.fillWidth: true
                visible: plan.schoolYear !== ""
                title: qsTr("Activities planned and held, by field")
                paired: true
                firstName: qsTr("planned")
                secondName: qsTr("held")
                bars: plan.activitiesByKind
            }
            Label { text: qsTr("Targets"); font.pixelSize: 18; font.bold: true; Layout.topMargin: 10; visible: plan.schoolYear !== "" }
        }
        delegate: Rectangle {
            id: target
            required property string text
            required property real progress
            required property string progressText
            required property bool measured
            required property bool met
            required property string targetId
            required property bool manual
            required property real threshold
            required property string numerator
            required property string denominator
            width: ListView.view.width - 24
            implicitHeight: column.implicitHeight + 20
            radius: 6
            border.color: Theme.border
            ColumnLayout {
                id: column
                anchors.fill: parent
                anchors.margins: 10
                spacing: 6
                Label { Layout.fillWidth: true; text: target.text; wrapMode: Text.Wrap }
                ProgressBar {
                    id: bar
                    Layout.fillWidth: true
                    visible: target.measured
                    value: target.progress
                    // The target itself, marked on the bar: how far there is still to go.
                    Rectangle {
                        visible: target.threshold > 0
                        x: bar.availableWidth * target.threshold - width / 2 + bar.leftPadding
                        y: -4
                        width: 3
                        height: bar.height + 8
                        color: Theme.inkStrong
                    }
                }
                RowLayout {
                    Layout.fillWidth: true
                    Label {
                        Layout.fillWidth: true
                        text: target.progressText
                        wrapMode: Text.Wrap
                        color: !target.measured ? Theme.faint : target.met ? Theme.good : Theme.warn
                        font.bold: target.measured
                    }
                    Button {
                        objectName: "enterFigures"
                        visible: target.manual && page.mayEditTargets
                        text: target.measured ? qsTr("Change the figures") : qsTr("Enter the figures")
                        implicitHeight: 48
                        leftPadding: 16; rightPadding: 16
                        onClicked: {
                            figuresDialog.targetId = target.targetId
                            figuresDialog.targetText = target.text
                            reached.text = target.numerator
                            outOf.text = target.denominator
                            plan.clearError() // another target's old refusal is not this one's
                            figuresDialog.open()
                        }
                    }
                }
            }
        }
        footer: ColumnLayout {
            width: list.width - 24
            spacing: 4
            Label { text: qsTr("Quarterly tasks"); font.pixelSize: 18; font.bold: true; Layout.topMargin: 14; visible: plan.schoolYear !== "" }
            Repeater {
                model: plan.tasks
                Label {
                    required property var modelData
                    Layout.fillWidth: true
                    text: "<b>" + modelData.quarter + "</b> — " + modelData.text
                    textFormat: Text.StyledText
                    wrapMode: Text.Wrap
                }
            }
        }
    }

    PlanTextPage { id: planText; parent: Overlay.overlay; onChanged: plan.reload() }
    SurveyPage { id: surveyPage; parent: Overlay.overlay }

    FileDialog {
        id: planPicker
        title: qsTr("Choose the plan file")
        nameFilters: [qsTr("Plan files (*.json)"), qsTr("All files (*)")]
        onAccepted: plan.importPlan(selectedFile.toString())
    }

    ClcDialog {
        id: figuresDialog
        objectName: "figuresDialog"
        property string targetId: ""
        property string targetText: ""
        title: qsTr("A target measured by hand")
        anchors.centerIn: parent
        width: Math.min(page.width - 20, 480)
        // Apply, not Ok: it closes only once the figures are saved.
        standardButtons: Dialog.Apply | Dialog.Cancel
        onOpened: reached.forceActiveFocus()
        ColumnLayout {
            anchors.fill: parent
            Label { Layout.fillWidth: true; text: figuresDialog.targetText; wrapMode: Text.Wrap; color: Theme.inkSoft }
            FormLabel { label: qsTr("Reached"); key: "manual_numerator"; errorKey: plan.lastErrorField }
            TextField { id: reached; objectName: "figuresReached"; Layout.fillWidth: true; implicitHeight: 48; inputMethodHints: Qt.ImhDigitsOnly }
            FormLabel { label: qsTr("Out of"); key: "manual_denominator"; errorKey: plan.lastErrorField }
            TextField { id: outOf; objectName: "figuresOutOf"; Layout.fillWidth: true; implicitHeight: 48; inputMethodHints: Qt.ImhDigitsOnly }
            Label { objectName: "figuresError"; Layout.fillWidth: true; text: plan.lastError; color: Theme.error; wrapMode: Text.Wrap; visible: text.length > 0 }
        }
        onApplied: {
            if (plan.setManualFigures(targetId, reached.text, outOf.text))
                close()
            else
                figuresDialog.focusField(plan.lastErrorField, { manual_numerator: reached, manual_denominator: outOf })
        }
    }
}
