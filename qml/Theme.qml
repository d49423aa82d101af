// The app's colours, named once (not "Palette": QtQuick has a type of that name). Pages read them
// by name (Theme.error, Theme.statusFill(code)), never by hex or by an enum's position.
pragma Singleton
import QtQuick

QtObject {
    // Text, darkest first.
    readonly property color ink: "#102027"
    readonly property color inkStrong: "#263238"
    readonly property color inkSoft: "#37474f"
    readonly property color muted: "#455a64"
    readonly property color mutedLight: "#546e7a"
    readonly property color faint: "#607d8b"
    // Lines and surfaces.
    readonly property color border: "#cfd8dc"
    readonly property color borderStrong: "#b0bec5"
    readonly property color borderDark: "#90a4ae"
    readonly property color borderNeutral: "#9e9e9e"
    readonly property color surfaceDim: "#eceff1"
    readonly property color background: "#f5f7f8"
    readonly property color highlight: "#1e88e5"
    readonly property color highlightFill: "#e3f2fd"
    readonly property color focus: "#1565c0"
    // Meanings.
    readonly property color error: "#b71c1c"
    readonly property color errorDark: "#8a1c12"
    readonly property color errorFill: "#fdecea"
    readonly property color good: "#1b5e20"
    readonly property color goodFill: "#e8f5e9"
    readonly property color warn: "#8d6e00"
    readonly property color warnFill: "#fff8e1"
    readonly property color warnBorder: "#ffcc80"
    readonly property color note: "#5d4037"
    readonly property color statusLine: "#eef3f6"
    readonly property color scrim: "#8c000000" // behind a dialog

    readonly property color presentFill: "#c8e6c9"
    readonly property color lateFill: "#fff3c4"
    readonly property color excusedFill: "#d7e3fc"
    readonly property color absentFill: "#ffcdd2"
    readonly property color notMarkedFill: "#eceff1"
    // An attendance status's fill, by its code ("present", "late", "excused", "absent"; "" not marked).
    function statusFill(code) {
        switch (code) {
        case "present": return presentFill
        case "late": return lateFill
        case "excused": return excusedFill
        case "absent": return absentFill
        default: return notMarkedFill
        }
    }
}
