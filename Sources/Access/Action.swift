/// What an account may try to do. Writes of later domains (cases, votes, funds) add theirs.
public enum Action: String, CaseIterable, Sendable {
    /// Browse divisions, compounds, buildings and homes, owners masked.
    case viewRegistry = "view_registry"
    /// See owners' whole names, ID numbers and phones. Every use is audited (PIPL Art. 51).
    case viewPersonalData = "view_personal_data"
    /// Create accounts and grant roles below one's own level.
    case manageAccounts = "manage_accounts"
    /// Read the audit log.
    case viewAuditLog = "view_audit_log"
    /// Convene (and close) an owners' meeting of the compound.
    case conveneMeeting = "convene_meeting"
    /// Vote online in the compound's meeting with one's own voting right.
    case castBallot = "cast_ballot"
    /// Enter paper ballots and written votes carried by building representatives.
    case enterPaperBallots = "enter_paper_ballots"
    /// Report a case at a place: owners at their homes and compound, grid workers on patrol in their
    /// grid, company staff in the compounds they serve, administration staff entering hotline tickets.
    case reportCase = "report_case"
    /// Issue and revoke the api_keys of Open311 clients: the city's and districts' housing offices,
    /// which answer for the systems that post cases into their area.
    case manageOpen311Keys = "manage_open311_keys"
    /// Read the complaint hot spots of an area, launch remediation campaigns over its key compounds
    /// and re-check their rectification: the administration offices, in their division.
    case manageCampaigns = "manage_campaigns"
    /// Report what the company did in a key compound it serves.
    case reportRectification = "report_rectification"
    /// Keep a grid's service team on the roster: the offices for every role, the serving company's
    /// administrators and managers for their own staff.
    case manageGridTeams = "manage_grid_teams"
    /// Set the staffing norm for grids' teams: a district's or the city's office.
    case setStaffingNorm = "set_staffing_norm"
    /// Set a district's routing table for cases: the district's or the city's office.
    case setCaseRoutes = "set_case_routes"
    /// Set the working calendar's holidays and 调休 days that deadlines are counted in: the city's
    /// office and the platform (the calendar is one for the whole platform).
    case setWorkingCalendar = "set_working_calendar"
    /// Lead and certify a compound's owners' committee through its life — the report, the
    /// preparatory group, the election, the filing, the seal: the subdistrict and community offices
    /// (and those above them) over the compounds in their division.
    case superviseCommittee = "supervise_committee"
    /// Keep the committee's own records: its first meeting, credit code, bank account, member
    /// changes, supervisory board and documents — the chair and vice-chairs of the compound.
    case keepCommitteeRecords = "keep_committee_records"
    /// Choose Qingdao's or Shandong's rules for committees: a district's or the city's office.
    case setCommitteeRules = "set_committee_rules"
    /// Follow every owners' meeting in the division — agenda, window, turnout, result: the
    /// administration offices (Qingdao Art. 29: the meeting is reported to the community).
    case superviseMeetings = "supervise_meetings"
    /// Set a compound's service-fee standard and issue its bills: the serving company's
    /// administrators and managers.
    case billFees = "bill_fees"
    /// Record payments, invoices and reminders: the serving company's staff, stewards included
    /// (Jinan Lixia: the steward takes residents' payments).
    case collectFees = "collect_fees"
    /// Read collection rates over a division: the administration offices.
    case superviseCollection = "supervise_collection"
    /// Keep the owners' common fund: record income and expenses with their approvals, reverse an
    /// entry, record the bank's balance — the committee's chair and vice-chairs.
    case keepCommonFund = "keep_common_fund"
    /// Record common revenue the company collected for the owners (parking, advertising): the
    /// serving company's administrators and managers.
    case reportCommonRevenue = "report_common_revenue"
    /// Supervise the common funds of a division's compounds: the administration offices.
    case superviseCommonFunds = "supervise_common_funds"
    /// Publish the company's 三公开 items for a compound it serves: its administrators and managers.
    case discloseAsCompany = "disclose_as_company"
    /// Publish the committee's own items: the chair and vice-chairs.
    case discloseAsCommittee = "disclose_as_committee"
    /// See disclosure coverage over a division: the administration offices.
    case superviseDisclosures = "supervise_disclosures"
    /// Hold the maintenance fund: set deposit rates, record deposits and top-ups, pay out an approved
    /// use — the district's or city's housing office, which keeps the fund (165号令 Art. 10, 22).
    case keepMaintenanceFund = "keep_maintenance_fund"
    /// Propose a use of the maintenance fund: the committee, or the serving company (Art. 22–23).
    case proposeMaintenanceUse = "propose_maintenance_use"
    /// Approve and file a use, record its acceptance and publish it: the committee's chair and
    /// vice-chairs (Art. 23 (4); Civil Code Art. 281).
    case approveMaintenanceUse = "approve_maintenance_use"
    /// See the maintenance funds of a division's compounds: the administration offices.
    case superviseMaintenanceFunds = "supervise_maintenance_funds"
    /// Run evaluation rounds of property companies over a division: keep the scorecards, open and
    /// publish rounds — the district's or city's office and its housing department (reference §5).
    case manageEvaluations = "manage_evaluations"
    /// Enter an inspection's or a party organisation's deductions, with evidence, for a compound in a
    /// round: the administration offices (subdistricts and communities assess, Jinan) and the housing department.
    case inspectCompounds = "inspect_compounds"
    /// Answer a round's satisfaction survey for one's own home: owners.
    case answerSurvey = "answer_survey"
    /// See the dashboard of a division and its compounds: the administration offices, departments
    /// and the platform (一图总览).
    case viewDashboard = "view_dashboard"
    /// Record party organisations, instructors and service-station activities for a division: the
    /// administration offices (the street's and community's party committees work through them).
    case managePartyBuilding = "manage_party_building"
    /// Claim a community's party-building service project for one's company and report it done: the
    /// company's administrators and managers (its party organisation acts through them).
    case claimServiceProject = "claim_service_project"
}

/// The policy's answer. `notFound` hides whether something outside the account's scope exists
/// (another compound's home is "not found", not "forbidden"); `forbidden` is for actions the
/// account's roles never allow anywhere.
public enum AccessDecision: String, Sendable {
    case allowed, forbidden, notFound = "not_found"
}
