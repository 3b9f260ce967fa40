import Access
import Cases
import Foundation
import HTTPTypes
import Hummingbird
import Storage
import WuyeCore

/// `/api/v1/cases`: reporting a case (and its photos), the account's queues, one case with its
/// timeline, and moving it through the workflow, reporting for duty and rating it.
struct CaseAPI {
    let store: CaseStore
    let cases: CaseQueries
    let places: RegistryPlaces

    struct ReportBody: Decodable {
        let kind: CaseKind
        let compoundId: Int64
        let buildingId: Int64?
        let homeId: Int64?
        let description: String
        let urgent: Bool?
        let source: String?
        let contactName: String?
        let contactPhone: String?
    }
    struct EventBody: Decodable {
        let event: CaseEvent
        let note: String?
    }
    struct NoteBody: Decodable { let note: String? }
    struct RatingBody: Decodable {
        let stars: Int
        let comment: String?
    }
    struct Reported: ResponseEncodable { let caseId: Int64 }
    struct PhotoAdded: ResponseEncodable { let number: Int }
    struct Moved: ResponseEncodable { let state: CaseState }
    struct Detail: ResponseEncodable {
        let `case`: CaseRecord
        let timeline: [CaseTimelineEntry]
        /// What the account may do now.
        let events: [CaseEvent]
        let mayAcknowledge: Bool
        let mayRate: Bool
    }
    struct QueueBody: ResponseEncodable {
        let reported: [CaseRecord]
        let toHandle: [CaseRecord]
        let supervised: [CaseRecord]
    }

    func add(to router: some RouterMethods<WuyeRequestContext>) {
        router.post("cases") { request, context in
            let body = try await JSONBody.decode(ReportBody.self, request, context)
            let place = try await context.casePlace(compound: body.compoundId, building: body.buildingId, home: body.homeId, places: places)
            let source = try context.reportingSource(at: place, asked: body.source)
            let id = try await store.report(
                .init(kind: body.kind, source: source, urgent: source != .owner && (body.urgent ?? false), description: body.description,
                      compoundID: body.compoundId, buildingID: body.buildingId, homeID: body.homeId,
                      contactName: source == .hotline ? body.contactName : nil, contactPhone: source == .hotline ? body.contactPhone : nil),
                reporter: try context.signedIn().accountID, by: context.actor)
            return EditedResponse(status: .created, response: Reported(caseId: id))
        }
        router.get("cases") { _, context in
            let queue = try await cases.queue(for: try context.signedIn())
            return QueueBody(reported: queue.reported, toHandle: queue.toHandle, supervised: queue.supervised)
        }
        router.get("cases/:id") { _, context in
            let record = try await context.visibleCase(cases)
            let choices = record.choices(for: try context.signedIn(), store: store)
            return Detail(case: record, timeline: try await cases.timeline(caseID: record.id), events: choices.events,
                          mayAcknowledge: choices.acknowledge, mayRate: choices.rate)
        }
        router.post("cases/:id/photos") { request, context in
            let record = try await context.visibleCase(cases)
            guard record.reporterAccountID == context.principal?.accountID, !record.state.isFinished else {
                throw AccessRefused(status: .forbidden)
            }
            let body = try await request.body.collect(upTo: context.maxUploadSize)
            let number = try await store.addPhoto(caseID: record.id, bytes: Array(buffer: body), by: context.actor)
            return EditedResponse(status: .created, response: PhotoAdded(number: number))
        }
        router.get("cases/:id/photos/:number") { _, context in
            let record = try await context.visibleCase(cases)
            return try await photo(record, context)
        }
        router.post("cases/:id/events") { request, context in
            let record = try await participating(context)
            let body = try await JSONBody.decode(EventBody.self, request, context)
            let state = try await store.apply(body.event, caseID: record.id, note: body.note ?? "", by: try context.signedIn(),
                                              actor: context.actor)
            return Moved(state: state)
        }
        router.post("cases/:id/acknowledge") { request, context in
            let record = try await participating(context)
            let body = try await JSONBody.decode(NoteBody.self, request, context)
            try await store.acknowledge(caseID: record.id, note: body.note ?? "", by: try context.signedIn(), actor: context.actor)
            return Moved(state: record.state)
        }
        router.post("cases/:id/rating") { request, context in
            let record = try await participating(context)
            let body = try await JSONBody.decode(RatingBody.self, request, context)
            let state = try await store.rate(caseID: record.id, rating: try CaseRating(stars: body.stars, comment: body.comment ?? ""),
                                             by: try context.signedIn(), actor: context.actor)
            return Moved(state: state)
        }
    }

    /// The case, if the account plays some part on it now (else 403; 404 if it may not even see it).
    /// Which step that part allows is the workflow's to say (422 with the reason).
    private func participating(_ context: WuyeRequestContext) async throws -> CaseRecord {
        let record = try await context.visibleCase(cases)
        guard !CaseParties.capacities(of: try context.signedIn(), on: record.site).isEmpty else { throw AccessRefused(status: .forbidden) }
        return record
    }

    /// A case's photo as the browser should show it: its checked type, never sniffed, kept private.
    func photo(_ record: CaseRecord, _ context: WuyeRequestContext) async throws -> Response {
        guard let number = Int(context.parameters.get("number") ?? ""),
              let photo = try await cases.photo(caseID: record.id, number: number) else { throw AccessRefused(status: .notFound) }
        return Response(status: .ok, headers: [.contentType: photo.contentType, .cacheControl: "private, max-age=3600",
                                               HTTPField.Name("X-Content-Type-Options")!: "nosniff"],
                        body: .init(byteBuffer: ByteBuffer(bytes: photo.bytes)))
    }
}
