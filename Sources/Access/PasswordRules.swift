import WuyeCore

/// What a password must be. Length matters most (NIST SP 800-63B §5.1.1.2); letters and digits
/// together is what Chinese government systems (等保 2.0) ask for; the account's own mobile number
/// and the most common passwords are refused.
public enum PasswordRules {
    public static let minimumLength = 8
    public static let maximumLength = 64

    static let common: Set<String> = [
        "12345678", "123456789", "1234567890", "password", "password1", "qwerty123", "11111111", "88888888",
        "abc12345", "a1234567", "aa123456", "qq123456", "woaini1314", "iloveyou", "1qaz2wsx", "wuye1234",
        "password123", "abcd1234", "admin123", "admin1234", "123qwe123", "zxcvbnm1", "5201314520",
    ]

    public static func check(_ password: String, mobile: String) throws(DomainError) {
        let count = password.count
        guard count >= minimumLength, count <= maximumLength else {
            throw DomainError(code: "password_length", message: "密码长度应为 \(minimumLength) 到 \(maximumLength) 位",
                              english: "a password has \(minimumLength) to \(maximumLength) characters", field: "password")
        }
        guard password.contains(where: \.isLetter), password.contains(where: \.isNumber) else {
            throw DomainError(code: "password_too_simple", message: "密码须同时包含字母和数字",
                              english: "a password mixes letters and digits", field: "password")
        }
        guard !password.contains(mobile), !common.contains(password.lowercased()) else {
            throw DomainError(code: "password_guessable", message: "密码太容易被猜到，请换一个",
                              english: "this password is too easy to guess", field: "password")
        }
    }
}
