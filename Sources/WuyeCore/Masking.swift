import Foundation

/// Masking of personal names for notices and lists.
///
/// PIPL (个人信息保护法) art. 6: disclose no more personal information than the purpose needs.
/// A notice such as an arrears list keeps the surname so neighbours can recognise a household
/// without the full name being published.
public enum Masking {
    /// Two-character compound surnames (复姓) common enough to appear on an owner roll; for
    /// these both characters are the surname and stay visible.
    static let compoundSurnames: Set<String> = [
        "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "司徒",
        "令狐", "夏侯", "长孙", "宇文", "西门", "南宫", "独孤", "申屠", "澹台", "轩辕",
    ]

    /// Keeps the surname and replaces every other character with one "*":
    /// "张三" → "张*", "王小明" → "王**", "欧阳娜娜" → "欧阳**".
    ///
    /// A one-character name is returned unchanged because there is nothing to hide that is
    /// not also the surname; a two-character name with a compound surname ("欧阳") is masked
    /// after its first character so that some part is always hidden.
    public static func name(_ name: String) -> String {
        let characters = Array(name)
        guard characters.count > 1 else { return name }
        let keep = characters.count >= 3 && compoundSurnames.contains(String(characters[0..<2])) ? 2 : 1
        return String(characters[0..<keep]) + String(repeating: "*", count: characters.count - keep)
    }
}
