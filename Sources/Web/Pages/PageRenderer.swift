import Access
import Foundation
import Hummingbird
import Mustache

/// Renders the Mustache templates shipped with the web target into HTML responses.
struct PageRenderer: Sendable {
    let library: MustacheLibrary

    static func load() async throws -> PageRenderer {
        guard let directory = Bundle.module.resourceURL?.appendingPathComponent("Templates").path else {
            throw PageError.templatesMissing
        }
        return PageRenderer(library: try await MustacheLibrary(directory: directory))
    }

    func render(_ template: String, _ context: [String: Any], status: HTTPResponse.Status = .ok) -> Response {
        let html = library.render(Self.droppingNils(context) ?? context, withTemplate: template) ?? "template \(template) missing"
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// The values with every absent optional taken out. Mustache finds a dictionary's `Optional.none`
    /// (a value written `x as Any`) present: `{{#rating}}` would open and print "nil".
    static func droppingNils(_ value: Any) -> Any? {
        if let optional = value as? any OptionalValue { return optional.wrapped.flatMap(droppingNils) }
        if let dictionary = value as? [String: Any] { return dictionary.compactMapValues(droppingNils) }
        if let array = value as? [Any] { return array.compactMap(droppingNils) }
        return value
    }

    /// Renders with what every page's header needs: who is signed in, their portals, the CSRF token.
    func render(_ template: String, _ values: [String: Any], for context: WuyeRequestContext,
                status: HTTPResponse.Status = .ok) -> Response {
        var values = values
        if let principal = context.principal {
            values["me"] = [
                "name": principal.name,
                "portals": principal.portals.map { ["href": "/portal/\($0.rawValue)", "name": $0.chineseName] },
                "administers": principal.mayEver(.manageAccounts),
                "audits": principal.mayEver(.viewAuditLog),
                "open311": principal.mayEver(.manageOpen311Keys),
                "campaigns": principal.mayEver(.manageCampaigns) || principal.mayEver(.reportRectification),
                "teams": principal.mayEver(.manageGridTeams),
                "committees": principal.mayEver(.superviseCommittee),
                "caseSettings": principal.mayEver(.setCaseRoutes) || principal.mayEver(.setWorkingCalendar),
                "cases": principal.roles.contains { $0.kind != .platformAdministrator },
            ] as [String: Any]
        }
        values["csrf"] = context.session?.csrfToken ?? values["csrf"] ?? ""
        if values["crumbs"] == nil { values["crumbs"] = [Any]() }
        return render(template, values, status: status)
    }

    enum PageError: Error { case templatesMissing }
}

/// Numbers as a Chinese reader expects them.
enum Formatting {
    /// 2540000 → "2,540,000".
    static func count(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return value < 0 ? "-" + out : out
    }

    /// Area in 0.01 m²: "89.37 m²" for a home, "1,234.5 万m²" from 100,000 m² up.
    static func area(centi: Int64) -> String {
        if centi >= 10_000_000 {  // in 万 m², one decimal, rounded half up
            let tenths = (centi + 500_000) / 1_000_000
            return "\(count(tenths / 10)).\(tenths % 10) 万m²"
        }
        return "\(count(centi / 100)).\(String(format: "%02d", Int(centi % 100))) m²"
    }
}

/// Lets `droppingNils` see through an `Optional` hidden in an `Any`.
protocol OptionalValue {
    var wrapped: Any? { get }
}

extension Optional: OptionalValue {
    var wrapped: Any? { self.map { $0 as Any } }
}
