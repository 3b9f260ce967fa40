import Foundation

/// Who will see a personal identifier, which decides how much of it is hidden.
///
/// PIPL (个人信息保护法) art. 6 and 51 ask for the minimum disclosure needed: a notice on a
/// lobby board needs far less than a clerk matching a resident to a record.
public enum MaskAudience: Sendable, Hashable, CaseIterable {
    /// Anyone walking past a posted notice (公示): hide almost everything.
    case publicNotice
    /// Property-management staff: enough to tell residents apart and match a document.
    case staff
}
