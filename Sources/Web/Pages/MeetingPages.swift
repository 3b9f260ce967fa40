import Access
import Assembly
import Foundation
import Hummingbird
import Storage
import WuyeCore

/// Owners' meetings in pages: an owner votes on a phone (open the meeting, tap a choice per motion,
/// submit); the committee convenes, enters paper ballots and closes; anyone who sees the compound
/// sees its meetings, their turnout and results, and can download the export.
struct MeetingPages {
    let assemblies: AssemblyStore
    let places: RegistryPlaces
    let queries: RegistryQueries
    let renderer: PageRenderer

    func add(to router: Router<WuyeRequestContext>) {
        router.get("/compounds/:id/meetings") { _, context in try await list(context, values: [:], status: .ok) }
        router.post("/compounds/:id/meetings") { request, context in
            let compound = try compoundID(context)
            try context.require(.conveneMeeting, at: try await places.place(ofCompound: compound))
            let fields = try await FormFields.of(request, context: context)
            do {
                let motions = (1...3).compactMap { index -> (Int, String)? in
                    let title = fields.text("motion\(index)_title")
                    return title.isEmpty ? nil : (Int(fields.text("motion\(index)_matter")) ?? 0, title)
                }
                let plan = try MeetingPlan(title: fields.text("title"), motions: motions,
                                           opensAt: try Self.day(fields.text("opens_on"), field: "opens_on"),
                                           // Voting runs to the end of the closing day.
                                           closesAt: try Self.day(fields.text("closes_on"), field: "closes_on").addingTimeInterval(86_400),
                                           publishedAt: assemblies.clock.now(), ballotsChangeable: fields.text("ballots_final") != "on")
                let id = try await assemblies.convene(compoundID: compound, plan: plan, by: context.actor)
                return Response.redirect(to: "/meetings/\(id)", type: .normal)
            } catch let error as DomainError {
                let field = error.field.map { $0.hasPrefix("motions") ? "motions" : $0 == "opens_at" ? "opens_on" : $0 == "closes_at" ? "closes_on" : $0 }
                return try await list(context, values: ["errors": [field ?? "title": error.message], "form": fields.values],
                                      status: .unprocessableContent)
            }
        }
        router.get("/meetings/:id") { request, context in
            // ?receipt=…: anyone who sees the meeting checks that a ballot is in its chain and counted.
            guard let receipt = request.uri.queryParameters.get("receipt"), !receipt.isEmpty else {
                return try await show(context, values: [:], status: .ok)
            }
            let meeting = try await context.meetingID(for: .viewRegistry, assemblies: assemblies, places: places)
            let found = try await assemblies.check(receipt: receipt, meetingID: meeting)
            return try await show(context, values: ["receiptCheck": Self.receiptCheck(receipt, found)], status: .ok)
        }
        router.post("/meetings/:id/vote") { request, context in
            let meeting = try await context.meeting(for: .castBallot, assemblies: assemblies, places: places)
            let fields = try await FormFields.of(request, context: context)
            let principal = try context.signedIn()
            do {
                guard let right = try await assemblies.right(ofAccount: principal.accountID, meetingID: meeting.id) else {
                    throw DomainError(code: "no_voting_right", message: "您在这次会议中没有表决权（以登记日的房屋登记为准）",
                                      english: "no voting right", field: "choices")
                }
                let receipts = try await assemblies.cast(meetingID: meeting.id, rightNumber: right, choices: Self.choices(fields),
                                                         channel: .online, by: context.actor)
                return try await show(context, values: ["receipts": Self.receiptList(receipts, meeting)], status: .ok)
            } catch let error as DomainError {
                return try await show(context, values: ["errors": ["choices": error.message]], status: .unprocessableContent)
            }
        }
        router.post("/meetings/:id/paper-ballots") { request, context in
            let meeting = try await context.meeting(for: .enterPaperBallots, assemblies: assemblies, places: places)
            // Multipart: the ballot's choices and its scan (a photo from the phone will do).
            let form = try await MultipartForm.of(request, context: context)
            do {
                guard let right = Int(form.text("right_number")) else {
                    throw DomainError(code: "no_voting_right", message: "请填写表决权序号", english: "right number missing",
                                      field: "right_number")
                }
                let channel = AssemblyStore.Channel(rawValue: form.text("channel")) ?? .paper
                let scan = form.files.first { $0.name == "scan" }?.bytes ?? []
                let receipts = try await assemblies.cast(meetingID: meeting.id, rightNumber: right, choices: Self.choices(form.fields),
                                                         channel: channel == .online ? .paper : channel, scan: scan, by: context.actor)
                return try await show(context, values: ["notice": "已录入第 \(right) 号表决权的\(channel == .written ? "书面意见" : "纸质表决票")，扫描件已留存。",
                                                        "receipts": Self.receiptList(receipts, meeting)], status: .ok)
            } catch let error as DomainError {
                return try await show(context, values: ["errors": ["paper": error.message]], status: .unprocessableContent)
            }
        }
        router.get("/meetings/:id/scans/:scan") { _, context in
            // The committee that entered it and the offices supervising the meeting; never the public.
            let meeting = try await context.meeting(for: .viewRegistry, assemblies: assemblies, places: places)
            try context.require(anyOf: [.enterPaperBallots, .superviseMeetings], at: try await places.place(ofCompound: meeting.compoundID))
            guard let id = Int64(context.parameters.get("scan") ?? ""), let scan = try await assemblies.scan(id: id, meetingID: meeting.id) else {
                throw AccessRefused(status: .notFound)
            }
            return Response(status: .ok, headers: [.contentType: scan.contentType, .contentDisposition: "inline"],
                            body: .init(byteBuffer: ByteBuffer(bytes: scan.bytes)))
        }
        router.post("/meetings/:id/close") { _, context in
            let meeting = try await context.meeting(for: .conveneMeeting, assemblies: assemblies, places: places)
            do {
                _ = try await assemblies.close(meetingID: meeting.id, by: context.actor)
                return Response.redirect(to: "/meetings/\(meeting.id)", type: .normal)
            } catch let error as DomainError {
                return try await show(context, values: ["errors": ["close": error.message]], status: .unprocessableContent)
            }
        }
    }

    private func compoundID(_ context: WuyeRequestContext) throws -> Int64 {
        guard let id = Int64(context.parameters.get("id") ?? "") else { throw AccessRefused(status: .notFound) }
        return id
    }

    private func list(_ context: WuyeRequestContext, values: [String: Any], status: HTTPResponse.Status) async throws -> Response {
        let compound = try compoundID(context)
        let place = try await places.place(ofCompound: compound)
        let principal = try context.require(.viewRegistry, at: place)
        guard let view = try await queries.compound(id: compound) else { throw AccessRefused(status: .notFound) }
        var all = values
        all["title"] = "\(view.name) 业主大会"
        all["compoundName"] = view.name
        all["compoundHref"] = "/compounds/\(compound)"
        all["action"] = "/compounds/\(compound)/meetings"
        all["meetings"] = try await assemblies.meetings(ofCompound: compound).map { meeting in
            ["href": "/meetings/\(meeting.id)", "title": meeting.title, "status": Self.statusText(meeting, now: assemblies.clock.now()),
             "window": "\(BeijingTime.text(meeting.opensAt)) 至 \(BeijingTime.text(meeting.closesAt))"] as [String: Any]
        }
        all["mayConvene"] = place.map { principal.decide(.conveneMeeting, at: $0) == .allowed } ?? false
        // Three motion rows; after a refused form each keeps the matter and title that were typed.
        let typed = all["form"] as? [String: String] ?? [:]
        all["motionRows"] = zip(1...3, ["议题一", "议题二（可不填）", "议题三（可不填）"]).map { index, label in
            ["index": index, "label": label, "title": typed["motion\(index)_title"] ?? "",
             "matters": MotionMatter.allCases.map { matter in
                 ["value": matter.rawValue, "selected": typed["motion\(index)_matter"] == String(matter.rawValue),
                  "name": "（\(matter.rawValue)）\(matter.chineseName)·\(matter.threshold == .special ? "四分之三以上" : "过半数")"]
                     as [String: Any]
             }] as [String: Any]
        }
        let earliest = CivilDate(daysSince1970: CivilDate.inChina(assemblies.clock.now()).daysSince1970 + MeetingPlan.defaultNoticeDays)
        all["earliest"] = earliest.text
        if all["errors"] == nil { all["errors"] = [String: String]() }
        if all["form"] == nil { all["form"] = [String: String]() }
        return renderer.render("meetings", all, for: context, status: status)
    }

    private func show(_ context: WuyeRequestContext, values: [String: Any], status: HTTPResponse.Status) async throws -> Response {
        let meeting = try await context.meeting(for: .viewRegistry, assemblies: assemblies, places: places)
        let principal = try context.signedIn()
        let place = try await places.place(ofCompound: meeting.compoundID)
        let now = assemblies.clock.now()
        let open = meeting.isOpen(at: now)
        let myRight = try await assemblies.right(ofAccount: principal.accountID, meetingID: meeting.id)
        let export = meeting.status == "closed" ? try await assemblies.export(meetingID: meeting.id) : nil
        func may(_ action: Action) -> Bool { place.map { principal.decide(action, at: $0) == .allowed } ?? false }
        var all = values
        all["title"] = meeting.title
        all["meetingID"] = meeting.id
        all["compoundHref"] = "/compounds/\(meeting.compoundID)/meetings"
        all["status"] = Self.statusText(meeting, now: now)
        all["window"] = "\(BeijingTime.text(meeting.opensAt)) 至 \(BeijingTime.text(meeting.closesAt))"
        all["recordDate"] = meeting.recordDate
        all["totals"] = "\(Formatting.count(meeting.totals.headcount)) 个表决权 · \(Formatting.area(centi: meeting.totals.area))"
        all["turnout"] = "\(Formatting.count(meeting.turnout.headcount)) 个表决权 · \(Formatting.area(centi: meeting.turnout.area))"
        all["motions"] = meeting.motions.map { motion in
            var row: [String: Any] = ["id": motion.id, "title": motion.title, "citation": motion.matter.citation,
                                      "threshold": motion.matter.threshold == .special ? "须参与表决者专有面积和人数均四分之三以上同意"
                                                                                       : "须参与表决者专有面积和人数均过半数同意"]
            if let result = export?.results.first(where: { $0.motionID == motion.id }) {
                row["result"] = result.passed ? "通过" : "未通过"
                row["resultDetail"] = "参与 \(result.count.participatingHeadcount) 人·同意 \(result.count.agreeHeadcount) 人；"
                    + (result.quorum ? "参与人数和面积达到三分之二以上" : "参与人数或面积未达到三分之二")
            }
            return row
        }
        all["choices"] = Choice.allCases.map { ["value": $0.rawValue, "name": $0.chineseName] }
        all["mayVote"] = open && myRight != nil && may(.castBallot)
        all["myRight"] = myRight as Any
        all["mayEnterPaper"] = open && may(.enterPaperBallots)
        if may(.enterPaperBallots) || may(.superviseMeetings) {
            all["scans"] = try await assemblies.scans(meetingID: meeting.id).map { scan in
                ["href": "/meetings/\(meeting.id)/scans/\(scan.id)", "right": scan.right, "at": BeijingTime.text(scan.uploadedAt)] as [String: Any]
            }
        }
        all["mayClose"] = meeting.status == "published" && now >= meeting.closesAt && may(.conveneMeeting)
        all["closed"] = meeting.status == "closed"
        // Decisions are published within 3 days and stay up at least 3 (Qingdao Art. 44, 92).
        if let closed = meeting.closedAt {
            all["publication"] = "表决结果于 \(BeijingTime.text(closed)) 公布，公示至 \(BeijingTime.text(closed.addingTimeInterval(3 * 86_400)))（不少于 3 日，《青岛市物业管理条例》第四十四条、第九十二条）"
        }
        all["exportHref"] = "/api/v1/meetings/\(meeting.id)/export"
        if all["errors"] == nil { all["errors"] = [String: String]() }
        if all["receipts"] == nil { all["receipts"] = [Any]() }
        return renderer.render("meeting", all, for: context, status: status)
    }

    static func choices(_ fields: FormFields) throws(DomainError) -> [Int: Choice] { try choices(fields.values) }

    static func choices(_ fields: [String: String]) throws(DomainError) -> [Int: Choice] {
        var choices: [Int: Choice] = [:]
        for (key, value) in fields where key.hasPrefix("motion_") {
            guard let motion = Int(key.dropFirst(7)), let choice = Choice(rawValue: value) else { continue }
            choices[motion] = choice
        }
        guard !choices.isEmpty else {
            throw DomainError(code: "no_choices", message: "请对每项议题选择同意、反对或弃权", english: "choose for each motion", field: "choices")
        }
        return choices
    }

    static func receiptCheck(_ receipt: String, _ found: AssemblyStore.ReceiptCheck?) -> [String: Any] {
        guard let found else { return ["receipt": receipt, "found": false] }
        return ["receipt": receipt, "found": true, "counted": found.counted,
                "text": "第 \(found.motionNumber) 项议题：\(found.choice.chineseName)（第 \(found.rightNumber) 号表决权，第 \(found.seq) 张票，"
                    + "哈希 \(found.hash.prefix(16))…）"]
    }

    static func receiptList(_ receipts: [Int: String], _ meeting: MeetingView) -> [[String: Any]] {
        receipts.sorted { $0.key < $1.key }.map { motion, receipt in
            ["motion": meeting.motions.first { $0.id == motion }?.title ?? "第 \(motion) 项", "receipt": receipt]
        }
    }

    static func statusText(_ meeting: MeetingView, now: Date) -> String {
        if meeting.status == "closed" { return "已结束，结果已公布" }
        if now < meeting.opensAt { return "已公告，尚未开始表决" }
        return now < meeting.closesAt ? "正在表决" : "表决已截止，待结束计票"
    }

    /// A day typed in a form (YYYY-MM-DD), as midnight in China.
    static func day(_ text: String, field: String) throws(DomainError) -> Date {
        guard let day = CivilDate(text: text) else {
            throw DomainError(code: "invalid_date", message: "请按 年-月-日 填写日期", english: "a date is YYYY-MM-DD", field: field)
        }
        return day.startInChina
    }
}
