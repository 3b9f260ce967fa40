import Cases
import Testing
import WuyeCore

struct CaseWorkflowTests {
    @Test func aCaseWalksTheClosedLoopWithEachStepByItsOwnCapacity() throws {
        var state = CaseState.reported
        let path: [(CaseEvent, CaseCapacity, CaseState)] = [
            (.accept, .intake, .accepted), (.register, .intake, .registered), (.dispatch, .intake, .dispatched),
            (.startHandling, .handler, .handling), (.reportBack, .handler, .feedback), (.startVerifying, .verifier, .verifying),
            (.close, .verifier, .closed),
        ]
        for (event, capacity, expected) in path {
            state = try CaseWorkflow.next(state, event, by: capacity)
            #expect(state == expected)
        }
        #expect(state.open311Status == "closed")
    }

    @Test func aStepByTheWrongCapacityOrFromTheWrongStateIsRefused() {
        let wrongHand = #expect(throws: DomainError.self) { try CaseWorkflow.next(.verifying, .close, by: .handler) }
        #expect(wrongHand?.code == "not_your_step")
        let wrongState = #expect(throws: DomainError.self) { try CaseWorkflow.next(.reported, .close, by: .verifier) }
        #expect(wrongState?.code == "transition_not_allowed")
        #expect(throws: DomainError.self) { try CaseWorkflow.next(.closed, .suspend, by: .supervisor) }
    }

    @Test func reworkAndReopeningGoBackToTheHandler() throws {
        #expect(try CaseWorkflow.next(.verifying, .returnForRework, by: .verifier) == .returned)
        #expect(try CaseWorkflow.next(.returned, .startHandling, by: .handler) == .handling)
        #expect(try CaseWorkflow.next(.closed, .reopen, by: .reporter) == .reopened)
        #expect(try CaseWorkflow.next(.dispatched, .sendBack, by: .handler) == .registered)
    }

    @Test func aSuspendedCaseResumesWhereItWas() throws {
        #expect(try CaseWorkflow.next(.handling, .suspend, by: .supervisor) == .suspended)
        #expect(try CaseWorkflow.next(.suspended, .resume, by: .handler, resumingTo: .handling) == .handling)
        #expect(throws: DomainError.self) { try CaseWorkflow.next(.handling, .suspend, by: .handler) }
    }

    @Test func thePageShowsOnlyTheStepsTheActorMayTake() {
        #expect(CaseWorkflow.events(from: .dispatched, by: .handler) == [.sendBack, .startHandling])
        #expect(CaseWorkflow.events(from: .handling, by: .supervisor) == [.suspend])
        #expect(CaseWorkflow.events(from: .verifying, by: .reporter) == [])
    }

    @Test func everyStateButClosedAndRejectedIsOpenInOpen311() {
        #expect(CaseState.allCases.filter { $0.open311Status == "closed" } == [.rejected, .closed])
    }
}
