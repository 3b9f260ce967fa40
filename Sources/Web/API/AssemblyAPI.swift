import Access
import Assembly
import Foundation
import Hummingbird
import Storage
import WuyeCore

/// `/api/v1`: owners' meetings — convening, online and paper ballots, closing, the published export.
struct AssemblyAPI {
    let assemblies: AssemblyStore
    let places: RegistryPlaces

    struct ConveneBody: Decodable {
        struct MotionBody: Decodable {
            let matter: Int
            let title: String
        }
        let title: String
        let motions: [MotionBody]
        let opensAt: Date
        let closesAt: Date
        /// The assembly's rules of procedure on changing a ballot until the close; true when absent.
        let ballotsChangeable: Bool?
    }
    struct BallotBody: Decodable {
        let choices: [String: Choice]
    }
    struct PaperBallotBody: Decodable {
        let rightNumber: Int
        let choices: [String: Choice]
        let channel: String?
        /// The ballot's scan, base64: kept with the ballot, never published.
        let scan: String?
    }
    struct Convened: ResponseEncodable { let meetingId: Int64 }
    struct Receipts: ResponseEncodable {
        let rightNumber: Int
        let receipts: [String: String]
    }
    struct MeetingDetail: ResponseEncodable {
        let meeting: MeetingView
        let myRightNumber: Int?
    }
    struct Results: ResponseEncodable { let results: [MotionResult] }

    func add(to router: some RouterMethods<WuyeRequestContext>) {
        router.post("compounds/:id/meetings") { request, context in
            let compound = try request.pathID(context)
            try context.require(.conveneMeeting, at: try await places.place(ofCompound: compound))
            let body = try await JSONBody.decode(ConveneBody.self, request, context)
            let plan = try MeetingPlan(title: body.title, motions: body.motions.map { ($0.matter, $0.title) }, opensAt: body.opensAt,
                                       closesAt: body.closesAt, publishedAt: assemblies.clock.now(),
                                       ballotsChangeable: body.ballotsChangeable ?? true)
            let id = try await assemblies.convene(compoundID: compound, plan: plan, by: context.actor)
            return EditedResponse(status: .created, response: Convened(meetingId: id))
        }
        router.get("meetings/:id") { request, context in
            let meeting = try await context.meeting(for: .viewRegistry, assemblies: assemblies, places: places)
            let mine = try await assemblies.right(ofAccount: try context.signedIn().accountID, meetingID: meeting.id)
            return MeetingDetail(meeting: meeting, myRightNumber: mine)
        }
        router.post("meetings/:id/ballots") { request, context in
            let meeting = try await context.meetingID(for: .castBallot, assemblies: assemblies, places: places)
            let body = try await JSONBody.decode(BallotBody.self, request, context)
            guard let right = try await assemblies.right(ofAccount: try context.signedIn().accountID, meetingID: meeting) else {
                throw DomainError(code: "no_voting_right", message: "您在这次会议中没有表决权（以登记日的房屋登记为准）",
                                  english: "you hold no voting right in this meeting", field: "meeting")
            }
            return try await cast(meeting, right: right, body.choices, channel: .online, context)
        }
        router.post("meetings/:id/paper-ballots") { request, context in
            let meeting = try await context.meetingID(for: .enterPaperBallots, assemblies: assemblies, places: places)
            let body = try await JSONBody.decode(PaperBallotBody.self, request, context)
            guard let channel = AssemblyStore.Channel(rawValue: body.channel ?? "paper"), channel != .online else {
                throw APIError.badParameter("channel", "channel 应为 paper（纸质表决票）或 written（楼栋代表收集的书面意见）")
            }
            var scan: [UInt8]?
            if let text = body.scan {
                guard let data = Data(base64Encoded: text) else { throw APIError.badParameter("scan", "scan 应为 base64 编码的扫描件") }
                scan = [UInt8](data)
            }
            return try await cast(meeting, right: body.rightNumber, body.choices, channel: channel, scan: scan, context)
        }
        router.post("meetings/:id/close") { request, context in
            let meeting = try await context.meeting(for: .conveneMeeting, assemblies: assemblies, places: places)
            return Results(results: try await assemblies.close(meetingID: meeting.id, by: context.actor))
        }
        router.get("meetings/:id/export") { request, context in
            let meeting = try await context.meeting(for: .viewRegistry, assemblies: assemblies, places: places)
            guard let export = try await assemblies.export(meetingID: meeting.id) else { throw AccessRefused(status: .notFound) }
            let data = try JSONEncoder().encode(export)
            return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8",
                                                   .contentDisposition: "attachment; filename=\"meeting-\(meeting.id).json\""],
                            body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        // The same export as spreadsheet tables: rights.csv, ballots.csv, results.csv.
        router.get("meetings/:id/export/:table") { request, context in
            let meeting = try await context.meeting(for: .viewRegistry, assemblies: assemblies, places: places)
            let name = context.parameters.get("table") ?? ""
            guard name.hasSuffix(".csv"), let table = AssemblyExport.Table(rawValue: String(name.dropLast(4))),
                  let export = try await assemblies.export(meetingID: meeting.id) else { throw AccessRefused(status: .notFound) }
            return Response.csv(named: "meeting-\(meeting.id)-\(table.rawValue).csv", bytes: export.csv(table))
        }
    }

    private func cast(_ meeting: Int64, right: Int, _ raw: [String: Choice], channel: AssemblyStore.Channel, scan: [UInt8]? = nil,
                      _ context: WuyeRequestContext) async throws -> EditedResponse<Receipts> {
        var choices: [Int: Choice] = [:]
        for (key, choice) in raw {
            guard let motion = Int(key) else { throw APIError.badParameter("choices", "choices 的键应为议题序号") }
            choices[motion] = choice
        }
        let receipts = try await assemblies.cast(meetingID: meeting, rightNumber: right, choices: choices, channel: channel, scan: scan,
                                                 by: context.actor)
        return EditedResponse(status: .created, response: Receipts(
            rightNumber: right, receipts: Dictionary(uniqueKeysWithValues: receipts.map { (String($0.key), $0.value) })))
    }
}
