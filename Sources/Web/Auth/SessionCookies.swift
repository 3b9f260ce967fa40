import Hummingbird
import Storage

/// The cookies the platform sets: HttpOnly always, SameSite=Lax for the session (links from a
/// message still open the portal), Strict for the anonymous form token, Secure behind HTTPS.
extension WebSecurity {
    func sessionCookie(_ token: String) -> Cookie {
        Cookie(name: Self.sessionCookie, value: token, maxAge: Int(SessionStore.lifetimeSeconds), path: "/",
               secure: secureCookies, httpOnly: true, sameSite: .lax)
    }

    func expiredSessionCookie() -> Cookie {
        Cookie(name: Self.sessionCookie, value: "", maxAge: 0, path: "/", secure: secureCookies, httpOnly: true, sameSite: .lax)
    }

    func formCookie(_ token: String) -> Cookie {
        Cookie(name: Self.formCookie, value: token, maxAge: 3600, path: "/", secure: secureCookies, httpOnly: true,
               sameSite: .strict)
    }

    /// The anonymous form token a page should embed: the one the browser holds, or a new one
    /// (then the response sets it).
    func formToken(_ request: Request) -> (token: String, isNew: Bool) {
        if let existing = request.cookies[Self.formCookie]?.value, existing.utf8.count == 43 { return (existing, false) }
        return (Secret.token(), true)
    }

    /// Where to go after signing in: only a path on this site (no "//host" or "https://…").
    static func safeNext(_ raw: String?) -> String {
        guard let raw, raw.hasPrefix("/"), !raw.hasPrefix("//"), !raw.contains("\\"), raw.count < 500 else { return "/" }
        return raw
    }
}
