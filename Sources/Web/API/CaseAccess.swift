import Access
import Foundation
import Cases
import Storage

extension WuyeRequestContext {
    /// The case named in the path, if the account may see it (its reporter, the levels it reaches,
    /// the offices above, the compound's committee); 404 otherwise, so a case's existence is not
    /// revealed to anyone else.
    func visibleCase(_ cases: CaseQueries) async throws -> CaseRecord {
        let principal = try signedIn()
        guard let id = Int64(parameters.get("id") ?? ""), let record = try await cases.find(id: id),
              CaseParties.mayView(principal, record.site) else { throw AccessRefused(status: .notFound) }
        return record
    }

    /// The registry place a case is reported at: a home, a building's common parts or a compound.
    func casePlace(compound: Int64, building: Int64?, home: Int64?, places: RegistryPlaces) async throws -> Place? {
        if let home { return try await places.place(ofHome: home) }
        if let building { return try await places.place(ofBuilding: building) }
        return try await places.place(ofCompound: compound)
    }

    /// The source the account reports as at `place`: the one asked for if its role may report there,
    /// else the first of its roles that may (403/404 as the policy says when none may).
    func reportingSource(at place: Place?, asked: String?) throws -> CaseSource {
        let principal = try require(.reportCase, at: place)
        let sources = place.map { principal.reportingSources(at: $0) } ?? []
        if let asked, !asked.isEmpty {
            guard let source = CaseSource(rawValue: asked), sources.contains(source) else {
                throw APIError.badParameter("source", "您不能以“\(asked)”的身份上报")
            }
            return source
        }
        return sources[0]
    }
}

extension Principal {
    /// The sources the account may report as at `place`: one per role that may report there.
    func reportingSources(at place: Place) -> [CaseSource] {
        roles.compactMap { role in
            AccessPolicy.decide(.reportCase, at: place, roles: [role]) == .allowed ? CaseSource.of(role) : nil
        }
    }
}

extension CaseRecord {
    /// What the account may do on the case now: the workflow's buttons, reporting for duty, rating.
    func choices(for principal: Principal, store: CaseStore) -> (events: [CaseEvent], acknowledge: Bool, rate: Bool) {
        let capacities = CaseParties.capacities(of: principal, on: site)
        var events = CaseWorkflow.events(from: state, capacities: capacities)
        // A reporter sends a closed case back by rating it; the button would skip the rating.
        if state == .closed { events.removeAll { $0 == .returnForRework } }
        if state == .closed, let closedAt, store.clock.now() > closedAt.addingTimeInterval(Double(store.reopenDays) * 86_400) { events.removeAll { $0 == .reopen } }
        return (events, !acknowledged && capacities.contains(.intake), state == .closed && rating == nil && capacities.contains(.reporter))
    }
}
