import Access
import Cases
import HTTPTypes
import Storage
import Testing
import WuyeCore

/// The access matrix's probes of the case routes.
extension AccessMatrixTests {
    /// A WebP header: an image the photo check accepts, written in ASCII so it travels as a JSON probe's body.
    static let webpText = "RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 "
    static let webpBytes = Array(webpText.utf8)

    /// A case route, probed on the demo owner's case and the far hotline ticket. Who may not see a
    /// case gets 404; `who` narrows the allowed ones further (its reporter, or any party to it).
    enum CaseAudience { case viewers, parties, reporter }

    static func caseRoute(api: Bool, post: Bool = false, who: CaseAudience = .viewers, allowed: HTTPResponse.Status = .ok,
                          body: String = "{}", form: [String: String] = [:], _ suffix: String = "") -> Probes {
        { principal, world, _ in
            try await [world.ownCase, world.farCase].asyncMap { id in
                let uri = (api ? "/api/v1" : "") + "/cases/\(id)\(suffix)"
                let expected: HTTPResponse.Status
                if let principal {
                    let record = try #require(try await world.cases.find(id: id))
                    let parts = CaseParties.capacities(of: principal, on: record.site)
                    expected = if !CaseParties.mayView(principal, record.site) { .notFound } else {
                        switch who {
                        case .viewers: allowed
                        case .parties: parts.isEmpty ? .forbidden : allowed
                        case .reporter: parts.contains(.reporter) ? allowed : .forbidden
                        }
                    }
                } else {
                    expected = api ? (post ? .forbidden : .unauthorized) : .seeOther
                }
                return Probe(uri: uri, form: post && !api ? form : nil, json: post && api ? body : nil, expected: expected)
            }
        }
    }

    /// Reporting at the demo compound and the far one: the policy's `reportCase` decides; an
    /// allowed API report (of a kind its source may report) is created, an allowed empty form is 422.
    static func reporting(api: Bool) -> Probes {
        { principal, world, _ in
            try await [world.compound, world.farCompound].asyncMap { compound in
                let place = try await world.places.place(ofCompound: compound)
                let uri = api ? "/api/v1/cases" : "/cases"
                guard let principal else {
                    return Probe(uri: uri, form: api ? nil : ["compound_id": String(compound)], json: api ? "{}" : nil,
                                 expected: api ? .forbidden : .seeOther)
                }
                let decision = place.map { principal.decide(.reportCase, at: $0) } ?? .notFound
                let source = principal.roles.first { role in
                    place.map { AccessPolicy.decide(.reportCase, at: $0, roles: [role]) == .allowed } ?? false
                }.flatMap(CaseSource.of)
                let kind = source?.kinds.first ?? .repair
                let json = #"{"kind":"\#(kind.rawValue)","compound_id":\#(compound),"description":"矩阵测试"}"#
                return Probe(uri: uri, form: api ? nil : ["compound_id": String(compound), "place": "compound"], json: api ? json : nil,
                             expected: status(decision, allowed: api ? .created : .unprocessableContent))
            }
        }
    }
}
