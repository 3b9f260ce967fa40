/// Cookie and session settings of one deployment.
public struct WebSecurity: Sendable {
    /// Mark cookies Secure: on when the platform is reached over HTTPS (`--public-url https://…`).
    public var secureCookies: Bool

    public init(secureCookies: Bool = false) {
        self.secureCookies = secureCookies
    }

    static let sessionCookie = "wuye_session"
    /// The anonymous forms' CSRF token (sign-in, claiming a home): a double-submit cookie.
    static let formCookie = "wuye_form"
}
