// The learning-needs survey (SurveyModel): a facilitator takes answers on a tablet offline, a few taps
// each (who, what they would like to learn, when suits them); everyone sees what the centre's people
// asked for, by topic. A coordinator starts a survey for the quarter.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Clc

ClcDialog {
    id: page
    objectName: "surveyPage"
    title: survey.title.length > 0 ? survey.title : qsTr("Learning-needs survey")
    width: parent ? parent.width : 400
    height: parent ? parent.height : 600
    x: 0; y: 0
    padding: 8
    standardButtons: Dialog.Close
    readonly property bool mayAnswer: StoreManager.role, StoreManager.mayEdit("survey_answers")
    readonly property bool mayStart: StoreManager.role, StoreManager.mayEdit("surveys")
    // The person chosen from the register, or none (a household is typed instead).
    property string personId: ""
    property string personName: ""
    // Opened again halfway through an answer, it keeps what was ticked (a re-read would untick the topics).
    readonly property bool answering: personId !== "" || who.text !== ""
    onOpened: { survey.clearError(); if (!answering) survey.reload() }
    SurveyModel { id: survey }

    function clearForm() {
        personId = ""; personName = ""; personKhu = ""; who.text = ""; khu.text = ""; group.text = ""; other.text = ""; note.text = ""
        for (let i = 0; i < topicBoxes.count; ++i) topicBoxes.itemAt(i).checked = false
        for (let j = 0; j < monthButtons.count; ++j) monthButtons.itemAt(j).checked = false
        notAsked.checked = true
    }
    // The khu filled in from the chosen person: replaced when another person is chosen, unless typed over.
    property string personKhu: ""
    function choosePerson(p) {
        personId = p.id
        personName = p.name
        who.text = p.name
        if (khu.text === "" || khu.text === personKhu) khu.text = p.khu
        personKhu = p.khu
    }
    function clearPerson() {
        if (khu.text === personKhu) khu.text = ""
        personId = ""; personName = ""; personKhu = ""; who.text = ""
    }
    function save() {
        const topics = [], months = []
        for (let i = 0; i < topicBoxes.count; ++i) if (topicBoxes.itemAt(i).checked) topics.push(topicBoxes.itemAt(i).text)
        for (let j = 0; j < monthButtons.count; ++j) if (monthButtons.itemAt(j).checked) months.push(monthButtons.itemAt(j).month)
        const time = morning.checked ? "morning" : afternoon.checked ? "afternoon" : evening.checked ? "evening" : anyTime.checked ? "any" : ""
        if (survey.answer({ personId: personId, name: personName, respondent: personId === "" ? who.text : "", khu: khu.text, group: group.text,
                            topics: topics, other: other.text, time: time, months: months, note: note.text })) {
            clearForm()
            formView.contentY = 0
            who.forceActiveFocus()
        } else {
            page.focusField(survey.lastErrorField, { respondent: who, person: who, khu: khu, group: group, other_topic: other, note: note })
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 6
        RowLayout {
            Layout.fillWidth: true
            ClcComboBox {
                id: chooser
                Layout.fillWidth: true
                Layout.preferredWidth: 100
                implicitHeight: 48
                visible: survey.surveys.length > 0
                model: survey.surveys
                textRole: "label"
                valueRole: "value"
                onActivated: survey.surveyId = currentValue
                Connections {
                    target: survey
                    function onLoaded() { chooser.currentIndex = Math.max(0, chooser.indexOfValue(survey.surveyId)) }
                }
            }
            Button {
                objectName: "startSurvey"
                Layout.maximumWidth: page.availableWidth / 2
                visible: page.mayStart
                text: qsTr("New survey")
                implicitHeight: 48
                onClicked: survey.addSurvey(survey.currentQuarter())
            }
        }
        Label {
            Layout.fillWidth: true
            visible: survey.surveys.length === 0 && !survey.loading
            text: page.mayStart ? qsTr("No survey yet. Start one for this quarter: it asks about the plan's fields, and answers are taken on any tablet.")
                                : qsTr("No survey yet: the centre's coordinator starts one, and it arrives here with the next sync.")
            wrapMode: Text.Wrap
            color: Theme.muted
        }
        TabBar {
            id: tabs
            Layout.fillWidth: true
            visible: survey.surveyId.length > 0
            TabButton { text: qsTr("Take an answer"); implicitHeight: 48; enabled: page.mayAnswer }
            TabButton { text: qsTr("Results (%1)").arg(survey.answers); implicitHeight: 48 }
            Component.onCompleted: currentIndex = page.mayAnswer ? 0 : 1
        }
        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: survey.surveyId.length > 0
            currentIndex: tabs.currentIndex
            Flickable {
                id: formView
                clip: true
                contentHeight: form.implicitHeight + 24
                ColumnLayout {
                    id: form
                    width: formView.width
                    spacing: 6
                    Label {
                        objectName: "surveyMessage"
                        Layout.fillWidth: true
                        visible: text.length > 0
                        text: survey.message
                        color: Theme.good
                        wrapMode: Text.Wrap
                    }
                    FormLabel { Layout.fillWidth: true; label: qsTr("Who answers: a name from the register, or a household"); key: "respondent"; errorKey: survey.lastErrorField }
                    RowLayout {
                        Layout.fillWidth: true
                        TextField {
                            id: who
                            objectName: "surveyWho"
                            Layout.fillWidth: true
                            implicitHeight: 48
                            enabled: page.personId === ""
                            placeholderText: qsTr("Type a name…")
                        }
                        Button {
                            visible: page.personId !== ""
                            text: "×"
                            implicitWidth: 48; implicitHeight: 48
                            onClicked: page.clearPerson()
                        }
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: page.personId !== ""
                        text: qsTr("From the register: %1").arg(page.personName)
                        color: Theme.good
                        wrapMode: Text.Wrap
                    }
                    Repeater {
                        model: page.personId === "" ? survey.findPeople(who.text) : []
                        Button {
                            required property var modelData
                            Layout.fillWidth: true
                            implicitHeight: 48
                            text: modelData.label
                            // The page does it: the list this button is in changes as soon as a person is chosen.
                            onClicked: page.choosePerson(modelData)
                        }
                    }
                    FormLabel { Layout.fillWidth: true; label: qsTr("Neighbourhood (khu)"); key: "khu"; errorKey: survey.lastErrorField }
                    TextField { id: khu; objectName: "surveyKhu"; Layout.fillWidth: true; implicitHeight: 48 }
                    ChoiceChips { Layout.fillWidth: true; field: khu; choices: survey.khus; shown: 9 }
                    FormLabel { Layout.fillWidth: true; label: qsTr("Group (empty: the person's own)"); key: "group"; errorKey: survey.lastErrorField }
                    TextField { id: group; Layout.fillWidth: true; implicitHeight: 48 }
                    ChoiceChips { Layout.fillWidth: true; field: group; choices: survey.groups; shown: 6 }
                    FormLabel { Layout.fillWidth: true; label: qsTr("What they would like to learn"); key: "topics"; errorKey: survey.lastErrorField }
                    Repeater {
                        id: topicBoxes
                        model: survey.topics
                        CheckBox {
                            id: topicBox
                            required property string modelData
                            objectName: "surveyTopic"
                            Layout.fillWidth: true
                            implicitHeight: Math.max(48, topicText.implicitHeight + 8)
                            text: modelData
                            // Long topics wrap instead of running off a phone's screen.
                            contentItem: Label {
                                id: topicText
                                leftPadding: topicBox.indicator.width + topicBox.spacing
                                text: topicBox.text
                                wrapMode: Text.Wrap
                                verticalAlignment: Text.AlignVCenter
                            }
                        }
                    }
                    TextField { id: other; objectName: "surveyOther"; Layout.fillWidth: true; implicitHeight: 48; placeholderText: qsTr("Something else (optional)") }
                    FormLabel { Layout.fillWidth: true; label: qsTr("Time of day that suits"); key: "time_of_day"; errorKey: survey.lastErrorField }
                    ButtonGroup { id: timeGroup }
                    Flow {
                        Layout.fillWidth: true
                        spacing: 4
                        // "Not asked" until the person says: it is not "any time".
                        RadioButton { id: notAsked; text: qsTr("Not asked"); checked: true; implicitHeight: 48; ButtonGroup.group: timeGroup }
                        RadioButton { id: morning; text: qsTr("Morning"); implicitHeight: 48; ButtonGroup.group: timeGroup }
                        RadioButton { id: afternoon; text: qsTr("Afternoon"); implicitHeight: 48; ButtonGroup.group: timeGroup }
                        RadioButton { id: evening; text: qsTr("Evening"); implicitHeight: 48; ButtonGroup.group: timeGroup }
                        RadioButton { id: anyTime; text: qsTr("Any time"); implicitHeight: 48; ButtonGroup.group: timeGroup }
                    }
                    FormLabel { Layout.fillWidth: true; label: qsTr("Months that suit"); key: "months"; errorKey: survey.lastErrorField }
                    Flow {
                        Layout.fillWidth: true
                        spacing: 4
                        Repeater {
                            id: monthButtons
                            model: [9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8]
                            Button {
                                required property int modelData
                                readonly property int month: modelData
                                checkable: true
                                text: qsTr("Month %1").arg(modelData)
                                implicitHeight: 48
                                highlighted: checked
                            }
                        }
                    }
                    FormLabel { Layout.fillWidth: true; label: qsTr("Note"); key: "note"; errorKey: survey.lastErrorField }
                    TextField { id: note; Layout.fillWidth: true; implicitHeight: 48 }
                    Label {
                        objectName: "surveyError"
                        Layout.fillWidth: true
                        visible: text.length > 0
                        text: survey.lastError
                        color: Theme.error
                        wrapMode: Text.Wrap
                    }
                    PrimaryButton {
                        objectName: "surveySave"
                        text: qsTr("Save the answer")
                        glyph: "check"
                        onClicked: page.save()
                    }
                }
            }
            ListView {
                id: results
                objectName: "surveyResults"
                clip: true
                spacing: 8
                model: survey
                header: Label {
                    width: ListView.view.width
                    text: qsTr("%n answer(s). What people asked for, most asked first:", "", survey.answers)
                    wrapMode: Text.Wrap
                    bottomPadding: 8
                }
                delegate: ColumnLayout {
                    required property string topic
                    required property int count
                    required property real share
                    required property string shareText
                    required property string detail
                    width: ListView.view.width
                    spacing: 2
                    Label { Layout.fillWidth: true; text: topic; wrapMode: Text.Wrap; font.bold: true }
                    RowLayout {
                        Layout.fillWidth: true
                        Rectangle {
                            Layout.preferredWidth: Math.max(4, (results.width - 110) * share)
                            Layout.preferredHeight: 20
                            color: Theme.focus
                            radius: 3
                        }
                        Label { text: count + " · " + shareText }
                        Item { Layout.fillWidth: true }
                    }
                    Label { Layout.fillWidth: true; text: detail; visible: detail.length > 0; color: Theme.muted; wrapMode: Text.Wrap }
                }
            }
        }
    }
}
