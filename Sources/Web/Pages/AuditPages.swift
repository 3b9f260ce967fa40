import Access
import Hummingbird
import Storage

/// The audit log for those who supervise the platform, filtered by target or actor.
struct AuditPages {
    let log: AuditLog
    let renderer: PageRenderer

    func add(to router: Router<WuyeRequestContext>) {
        router.get("/audit") { request, context in
            try context.require(.viewAuditLog, at: .platform)
            let filter = AuditFilter(request)
            let entries = try await filter.entries(from: log)
            return renderer.render("audit", [
                "title": "审计日志", "targetType": filter.targetType ?? "", "targetID": filter.targetID ?? "",
                "actor": filter.actor.map(String.init) ?? "",
                "entries": entries.map { entry in
                    ["seq": entry.seq, "at": entry.at, "actor": entry.actor, "action": entry.action,
                     "target": "\(entry.targetType) \(entry.targetID)", "after": entry.after ?? "", "before": entry.before ?? "",
                     "requestID": entry.requestID ?? ""] as [String: Any]
                },
                "next": entries.count == 50 ? entries.last.map { filter.link(before: $0.seq) } as Any : Optional<String>.none as Any,
            ], for: context)
        }
    }
}

/// `?target_type=&target_id=&actor=&before=` on the audit log's page and API.
struct AuditFilter {
    let targetType: String?
    let targetID: String?
    let actor: Int64?
    let before: Int64?

    init(_ request: Request) {
        let query = request.uri.queryParameters
        func text(_ name: String) -> String? { query.get(name).flatMap { $0.isEmpty ? nil : String($0.prefix(100)) } }
        targetType = text("target_type")
        targetID = text("target_id")
        actor = text("actor").flatMap { Int64($0) }
        before = text("before").flatMap { Int64($0) }
    }

    func entries(from log: AuditLog) async throws -> [AuditEntry] {
        try await log.entries(targetType: targetType, targetID: targetID, actorAccountID: actor, before: before, limit: 50)
    }

    func link(before seq: Int64) -> String {
        var parts = ["before=\(seq)"]
        if let targetType, let encoded = targetType.addingPercentEncoding(withAllowedCharacters: .alphanumerics) {
            parts.append("target_type=\(encoded)")
        }
        if let targetID, let encoded = targetID.addingPercentEncoding(withAllowedCharacters: .alphanumerics) {
            parts.append("target_id=\(encoded)")
        }
        if let actor { parts.append("actor=\(actor)") }
        return "/audit?" + parts.joined(separator: "&")
    }
}
