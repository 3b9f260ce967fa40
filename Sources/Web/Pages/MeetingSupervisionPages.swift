import Access
import Assembly
import Foundation
import Hummingbird
import Storage
import WuyeCore

/// `/meetings`: a subdistrict (or any office) follows every owners' meeting in its area — where it
/// stands, its turnout by area and headcount against the 2/3 quorum, and, once closed, its result.
struct MeetingSupervisionPages {
    let assemblies: AssemblyStore
    let scopes: OfficeScopes
    let renderer: PageRenderer

    func add(to router: Router<WuyeRequestContext>) {
        router.get("/meetings") { request, context in
            let principal = try context.signedIn()
            guard principal.mayEver(.superviseMeetings) else { throw AccessRefused(status: .forbidden) }
            guard let (scope, all) = try await scopes.chosen(request.uri.queryParameters.get("division"), of: principal, for: .superviseMeetings)
            else { throw AccessRefused(status: .notFound) }
            let now = assemblies.clock.now()
            let meetings = try await assemblies.meetings(inDivision: scope.code)
            return renderer.render("meetings-supervision", [
                "title": "业主大会监督",
                "scope": scope.name,
                "scopes": all.map { ["code": $0.code.rawValue, "name": $0.name, "chosen": $0.code == scope.code] as [String: Any] },
                "manyScopes": all.count > 1,
                "open": meetings.count { $0.meeting.isOpen(at: now) },
                "meetings": meetings.map { meeting, compound in
                    let totals = meeting.totals, turnout = meeting.turnout
                    return ["href": "/meetings/\(meeting.id)", "title": meeting.title, "compound": compound,
                            "status": MeetingPages.statusText(meeting, now: now),
                            "window": "\(BeijingTime.text(meeting.opensAt)) 至 \(BeijingTime.text(meeting.closesAt))",
                            "area": Permille.text(Permille.of(Int(turnout.area), Int(totals.area))),
                            "headcount": "\(turnout.headcount)/\(totals.headcount)",
                            // Turnout so far already meets the quorum of Art. 278 para 2.
                            "quorum": totals.area > 0 && 3 * turnout.area >= 2 * totals.area && 3 * turnout.headcount >= 2 * totals.headcount,
                    ] as [String: Any]
                },
            ], for: context)
        }
    }
}
