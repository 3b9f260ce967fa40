import Access
import Assembly
import Funds
import Foundation
import HTTPTypes
import Storage
import Testing
import WuyeCore

/// The access matrix's probes of committees: offices supervise the compounds in their division, the
/// chair keeps the committee's records, everyone who sees a compound sees its committee.
extension AccessMatrixTests {
    static let committeeMatrix: [String: Probes] = [
        "GET /meetings": { principal, _, _ in [get("/meetings", office(principal, .superviseMeetings))] },
        "GET /api/v1/meetings/{id}/export/{table}": meeting(.viewRegistry, "/export/results.csv"),
        "GET /meetings/{id}/scans/{scan}": ballotScan,
        "GET /compounds/{id}/fees": compoundFees(.collectFees, post: false, allowed: .ok, ""),
        "GET /compounds/{id}/fees/arrears.csv": compoundFees(.collectFees, post: false, allowed: .ok, "/arrears.csv"),
        "POST /compounds/{id}/fees/standard": compoundFees(.billFees, post: true, allowed: .unprocessableContent, "/standard"),
        "POST /compounds/{id}/fees/bills": compoundFees(.billFees, post: true, allowed: .unprocessableContent, "/bills"),
        "POST /fees/bills/{id}/payments": feeBill("/payments"),
        "POST /fees/bills/{id}/reminders": feeBill("/reminders"),
        "GET /bills": { principal, _, _ in
            [get("/bills", principal.map { $0.roles.contains { $0.kind == .owner } ? .ok : .forbidden } ?? .seeOther)]
        },
        "GET /compounds/{id}/common-fund": registry(api: false) { world in
            [("/compounds/\(world.compound)/common-fund", try await world.places.place(ofCompound: world.compound)),
             ("/compounds/\(world.farCompound)/common-fund", try await world.places.place(ofCompound: world.farCompound))]
        },
        "GET /compounds/{id}/common-fund/statement.csv": registry(api: false) { world in
            [("/compounds/\(world.compound)/common-fund/statement.csv?month=2026-11", try await world.places.place(ofCompound: world.compound)),
             ("/compounds/\(world.farCompound)/common-fund/statement.csv?month=2026-11", try await world.places.place(ofCompound: world.farCompound))]
        },
        "POST /compounds/{id}/common-fund/entries": commonFundIncome,
        "POST /compounds/{id}/common-fund/entries/{entry}/approval": compoundFund(.keepCommonFund, "/entries/1/approval"),
        "POST /compounds/{id}/common-fund/entries/{entry}/reversal": compoundFund(.keepCommonFund, "/entries/1/reversal"),
        "POST /compounds/{id}/common-fund/bank-statements": compoundFund(.keepCommonFund, "/bank-statements"),
        "GET /compounds/{id}/disclosures": registry(api: false) { world in
            [("/compounds/\(world.compound)/disclosures", try await world.places.place(ofCompound: world.compound)),
             ("/compounds/\(world.farCompound)/disclosures", try await world.places.place(ofCompound: world.farCompound))]
        },
        "POST /compounds/{id}/disclosures": disclosurePublish,
        "GET /disclosures/coverage": { principal, _, _ in [get("/disclosures/coverage", office(principal, .superviseDisclosures))] },
        "GET /disclosures/coverage.csv": { principal, _, _ in [get("/disclosures/coverage.csv", office(principal, .superviseDisclosures))] },
        "GET /common-funds": { principal, _, _ in [get("/common-funds", office(principal, .superviseCommonFunds))] },
        "GET /fees/collection": { principal, _, _ in [get("/fees/collection", office(principal, .superviseCollection))] },
        "GET /fees/collection.csv": { principal, _, _ in [get("/fees/collection.csv", office(principal, .superviseCollection))] },
        "GET /committees": committeeOverview,
        "POST /committees/rules": committeeRules,
        "GET /compounds/{id}/committee": registry(api: false) { world in
            [("/compounds/\(world.compound)/committee", try await world.places.place(ofCompound: world.compound)),
             ("/compounds/\(world.farCompound)/committee", try await world.places.place(ofCompound: world.farCompound))]
        },
        "POST /compounds/{id}/committee/steps": committeeWrite("steps"),
        "POST /compounds/{id}/committee/documents": committeeWrite("documents"),
        "GET /compounds/{id}/committee/documents/{document}": committeeDocument,
    ]

    static let committeeOverview: Probes = { principal, _, _ in [get("/committees", office(principal, .superviseCommittee))] }

    static let committeeRules: Probes = { principal, _, _ in
        [Probe(uri: "/committees/rules", form: ["rules": "qingdao"], json: nil, expected: office(principal, .setCommitteeRules, allowed: .seeOther))]
    }

    /// An empty form names no step: refused (422) for the office and the chair, 403 or 404 for the rest.
    static func committeeWrite(_ suffix: String) -> Probes {
        { principal, world, _ in
            try await [world.compound, world.farCompound].asyncMap { compound in
                let place = try await world.places.place(ofCompound: compound)
                let expected: HTTPResponse.Status = if let principal {
                    place.map { principal.decide(.superviseCommittee, at: $0) == .allowed || principal.decide(.keepCommitteeRecords, at: $0) == .allowed } == true
                        ? .unprocessableContent
                        : principal.mayEver(.superviseCommittee) || principal.mayEver(.keepCommitteeRecords) ? .notFound : .forbidden
                } else { .seeOther }
                return Probe(uri: "/compounds/\(compound)/committee/\(suffix)", form: [:], json: nil, expected: expected)
            }
        }
    }

    /// A document in the demo compound's committee and one in the far compound's.
    static let committeeDocument: Probes = registry(api: false) { world in
        let committees = Committees(database: world.accounts.database)
        return try await [world.compound, world.farCompound].asyncMap { compound in
            var id = try await committees.documents(compound: compound).first?.id
            if id == nil {
                id = try await committees.attach(name: "矩阵", bytes: Array("%PDF-1.4".utf8), to: .report, compound: compound, by: .command("test"))
            }
            return ("/compounds/\(compound)/committee/documents/\(id ?? 0)", try await world.places.place(ofCompound: compound))
        }
    }

    /// A paper ballot's scan in the demo meeting and in the far one: the committee and the offices see it.
    static let ballotScan: Probes = { principal, world, _ in
        let store = AssemblyStore(database: world.accounts.database)
        return try await [(world.meeting, world.compound), (world.farMeeting, world.farCompound)].asyncMap { meeting, compound in
            var id = try await store.scans(meetingID: meeting).first?.id
            if id == nil {
                _ = try await store.cast(meetingID: meeting, rightNumber: 1, choices: [1: .agree], channel: .paper,
                                         scan: Array("%PDF-1.4".utf8), by: .command("test"))
                id = try await store.scans(meetingID: meeting).first?.id
            }
            let place = try await world.places.place(ofCompound: compound)
            let expected: HTTPResponse.Status = if let principal, let place {
                switch principal.decide(.viewRegistry, at: place) {
                case .allowed:
                    principal.decide(.enterPaperBallots, at: place) == .allowed || principal.decide(.superviseMeetings, at: place) == .allowed
                        ? .ok : principal.mayEver(.enterPaperBallots) || principal.mayEver(.superviseMeetings) ? .notFound : .forbidden
                case .forbidden: .forbidden
                case .notFound: .notFound
                }
            } else { .seeOther }
            return get("/meetings/\(meeting)/scans/\(id ?? 0)", expected)
        }
    }

    static func compoundFees(_ action: Action, post: Bool, allowed: HTTPResponse.Status, _ suffix: String) -> Probes {
        registry(action, api: false, post: post, allowed: allowed) { world in
            [("/compounds/\(world.compound)/fees\(suffix)", try await world.places.place(ofCompound: world.compound)),
             ("/compounds/\(world.farCompound)/fees\(suffix)", try await world.places.place(ofCompound: world.farCompound))]
        }
    }

    /// A bill in the demo compound and one far away (billed once per world): an empty form is refused
    /// for whoever may collect there.
    static func feeBill(_ suffix: String) -> Probes {
        registry(.collectFees, api: false, post: true, allowed: .unprocessableContent) { world in
            let fees = ServiceFees(database: world.accounts.database)
            return try await [world.compound, world.farCompound].asyncMap { compound in
                if try await fees.standard(compound: compound) == nil {
                    try await fees.setStandard(.init(rate: try FeeRate(text: "1.00"), method: .lumpSum), compound: compound, by: .command("test"))
                    try await fees.issue(try BillingPeriod(first: "2026-01", months: 1), compound: compound, by: .command("test"))
                }
                let bill = try #require(try await fees.arrears(compound: compound, limit: 1).first)
                return ("/fees/bills/\(bill.id)\(suffix)", try await world.places.place(ofCompound: compound))
            }
        }
    }

    static func compoundFund(_ action: Action, _ suffix: String) -> Probes {
        registry(action, api: false, post: true, allowed: .unprocessableContent) { world in
            [("/compounds/\(world.compound)/common-fund\(suffix)", try await world.places.place(ofCompound: world.compound)),
             ("/compounds/\(world.farCompound)/common-fund\(suffix)", try await world.places.place(ofCompound: world.farCompound))]
        }
    }

    /// Income (the default kind) may be recorded by the committee or by the serving company; an empty
    /// form is refused for them (422).
    static let commonFundIncome: Probes = { principal, world, _ in
        try await [world.compound, world.farCompound].asyncMap { compound in
            let place = try await world.places.place(ofCompound: compound)
            let expected: HTTPResponse.Status = if let principal {
                place.map { principal.decide(.keepCommonFund, at: $0) == .allowed || principal.decide(.reportCommonRevenue, at: $0) == .allowed } == true
                    ? .unprocessableContent
                    : principal.mayEver(.keepCommonFund) || principal.mayEver(.reportCommonRevenue) ? .notFound : .forbidden
            } else { .seeOther }
            return Probe(uri: "/compounds/\(compound)/common-fund/entries", form: [:], json: nil, expected: expected)
        }
    }

    /// An empty form names no item: 422 for those who publish there, 403 or 404 for the rest.
    static let disclosurePublish: Probes = { principal, world, _ in
        try await [world.compound, world.farCompound].asyncMap { compound in
            let place = try await world.places.place(ofCompound: compound)
            let expected: HTTPResponse.Status = if let principal {
                place.map { principal.decide(.discloseAsCompany, at: $0) == .allowed || principal.decide(.discloseAsCommittee, at: $0) == .allowed } == true
                    ? .unprocessableContent
                    : principal.mayEver(.discloseAsCompany) || principal.mayEver(.discloseAsCommittee) ? .notFound : .forbidden
            } else { .seeOther }
            return Probe(uri: "/compounds/\(compound)/disclosures", form: [:], json: nil, expected: expected)
        }
    }
}
