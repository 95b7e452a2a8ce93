/// The sentences of the catalogue; each language's table (`Catalogue+en.swift`, `Catalogue+zh.swift`) gives every
/// one a template.
public enum MessageKey: String, Sendable, Hashable, CaseIterable, Codable {
    // Audit findings
    case anyone
    case unknownPerson
    case mustVisitNotInPlan
    case bookedLegNotInPlan
    case unknownClient
    case visitLabel
    case visitRepeated
    case visitWrongCity
    case visitTooShort
    case visitOutsideClientFreeTime
    case visitTooEarly
    case visitTooLate
    case visitOrderBroken
    case visitUnattended
    case visitOutsideStaffAvailability
    case visitLacksCoAttendee
    case visitPinnedMoved
    case visitPinnedPeople
    case visitNoLead
    case visitNoLeadLanguage
    // A person's week, checked
    case visitItem
    case legItem
    case itemsOverlap
    case visitInOtherCity
    case visitAtOtherPlace
    case legLeavesOtherCity
    case legLeavesOtherPlace
    case travelsOverCap
    case busyOnDayOff
    case notHomeAroundDayOff
    case legOutsideTravelHours
    case legOverlapsOwnCalendar
    case legTooFast
    case legPartsMismatch
    case legPartBackwards
    case legMissedConnection
    case legUnticketedPrice
    case legUnknownService
    case legWrongFare
    case driveTooFar
    case driveWrongHire
    case driveEndsUnknown
    case overNightLimit
    case overCostLimit
    case wrongHotelCost
    case missingStay
    case needlessStay
    case endsAtOtherPlace
    case endsInOtherCity
    case endsAwayFromHome
    case backTooLate
    case durationMinutes
    case durationSeconds
    // Clashes between plans
    case visitTo
    case taxiIn
    case journeyFromTo
    case journeyFromToBy
    case quoted
    case quotedAt
    case busy
    case bookedTwice
    case theEarliestArrival
    case theEarliestArrivalBy
    case noJourneyGetsThere
    case unreachable
    case courtingTeam
    case courtedSameDay
    case courtedSameWeek
    case visitOverlapsOwnCalendar
    case visitOutsideWorkingHours
    case teamVisit
    case visitNoLongerInHours
    case visitOverlapsClientEvents
    // The command line
    case auditRejectsPlan
    case mustVisitsLeftOut
    // expenses.csv: the column headers (English ones are column names programs read) and the total row
    case expensesStaffID
    case expensesName
    case expensesVisits
    case expensesNights
    case expensesTickets
    case expensesHotels
    case expensesTotal
    case expensesTotalRow
    // Calendar (.ics) events
    case icsAttendees
    case icsAddress
    case icsClient
    case icsClientMustVisit
    case icsVisit
    case icsLeg
    case icsLegBooked
    case icsStay
    // Clash kinds and audit rules: the stable code in English, a label in Chinese
    case kindSameCompanyDay = "kind.same-company-day"
    case kindSameCompanyWeek = "kind.same-company-week"
    case kindDoubleBooked = "kind.double-booked"
    case kindDriveTooFar = "kind.drive-too-far"
    case kindOutsideAvailability = "kind.outside-availability"
    case kindServiceGone = "kind.service-gone"
    case kindConnectionBroken = "kind.connection-broken"
    case kindOverWorkingHours = "kind.over-working-hours"
    case kindUnreachable = "kind.unreachable"
    case kindOverTravelHours = "kind.over-travel-hours"
    case kindAwayOnDayOff = "kind.away-on-day-off"
    case kindBackTooLate = "kind.back-too-late"
    case kindBookedLegGivenUp = "kind.booked-leg-given-up"
    case kindBusyOnDayOff = "kind.busy-on-day-off"
    case kindCoAttendeeMissing = "kind.co-attendee-missing"
    case kindLegFromElsewhere = "kind.leg-from-elsewhere"
    case kindLegPartBackwards = "kind.leg-part-backwards"
    case kindLegPartsMismatch = "kind.leg-parts-mismatch"
    case kindLegTooFast = "kind.leg-too-fast"
    case kindMissedConnection = "kind.missed-connection"
    case kindMissingStay = "kind.missing-stay"
    case kindMustVisitLeftOut = "kind.must-visit-left-out"
    case kindNeedlessStay = "kind.needless-stay"
    case kindNoEligibleLead = "kind.no-eligible-lead"
    case kindNotAtFinish = "kind.not-at-finish"
    case kindNotHomeAtEnd = "kind.not-home-at-end"
    case kindNotThere = "kind.not-there"
    case kindOrderBroken = "kind.order-broken"
    case kindOutsideTravelHours = "kind.outside-travel-hours"
    case kindOverCostLimit = "kind.over-cost-limit"
    case kindOverNightLimit = "kind.over-night-limit"
    case kindOverTravelCap = "kind.over-travel-cap"
    case kindPinnedVisitMoved = "kind.pinned-visit-moved"
    case kindPinnedVisitPeople = "kind.pinned-visit-people"
    case kindTravelDuringOwnEvent = "kind.travel-during-own-event"
    case kindUnknownClient = "kind.unknown-client"
    case kindUnknownPerson = "kind.unknown-person"
    case kindUnknownService = "kind.unknown-service"
    case kindVisitOutsideClientAvailability = "kind.visit-outside-client-availability"
    case kindVisitOutsideStaffAvailability = "kind.visit-outside-staff-availability"
    case kindVisitRepeated = "kind.visit-repeated"
    case kindVisitTooEarly = "kind.visit-too-early"
    case kindVisitTooLate = "kind.visit-too-late"
    case kindVisitTooShort = "kind.visit-too-short"
    case kindVisitUnattended = "kind.visit-unattended"
    case kindVisitWrongCity = "kind.visit-wrong-city"
    case kindWrongHotelCost = "kind.wrong-hotel-cost"
    case kindWrongPrice = "kind.wrong-price"
    // Report labels
    case labelHtmlLang
    case labelTeams
    case labelPeriod
    case labelTimeZone
    case labelClashes
    case labelNoClashes
    case labelFindings
    case labelNoFindings
    case labelKind
    case labelSeverity
    case labelPeople
    case labelClients
    case labelTime
    case labelExplanation
    case labelFix
    case labelTimelines
    case labelNothingPlanned
    case labelMap
    case labelHandPlanLegend
    case labelVisits
    case labelNoVisits
    case labelClient
    case labelAddress
    case labelCity
    case labelTeam
    case labelPriority
    case labelMustVisit
    case labelHotel
    case labelMeet
    case labelHandMade
    case labelOwnEvent
    case labelHome
    case labelBooked
    case labelGeneratedBy
    case labelPerPerson
    case labelTravelTime
    case labelNights
    case labelTickets
    case labelHotels
    case labelTotal
    case labelLeftOut
    case labelNothingLeftOut
    case labelReasons
    case labelStaleCalendars
    case lastConfirmed
    case severityError
    case severityWarning
    case errorsAndWarnings
    // General words
    case verbatim
    case listComma
    case listSemicolon
    case listClause
    case listAnd
    case listOr
    case mon
    case tue
    case wed
    case thu
    case fri
    case sat
    case sun
    case dayDate
    case dayClock
    case timeSpan
    case hoursMinutes
    case none
    case home
    case journey
    case andOthers
    case personSays
    // Why a visit was left out
    case notExamined
    case needsUnknownStaff
    case needLanguage
    case needOneOf
    case nobodyMayLead
    case nobodyMayLeadBesides
    case noFreeStretch
    case thisWeek
    case fromDay
    case byDay
    case betweenDays
    case noSharedTime
    case noLeaderTime
    case noLeaderTimeWith
    case firstLeadsExamined
    case moreFullWeeks
    case bookedClientNotFree
    case bookedOutsideStaffHours
    case bookedTimeClashes
    case clientMustVisit
    case clientPriority
    case fitsByDropping
    case orderAfter
    case orderBefore
    case noTimeInOrder
    case weekFull
    case earliestArrival
    case earliestArrivalBy
    case noJourney
    case noWindow
    case lateForFixedStart
    case bookedJourney
    case bookedServices
    case missesBookedLeg
    case cannotReturnHome
    case awayOnDayOff
    case tooManyNights
    case overBudget
    case overCap
    case overCapAlready
    // Bought tickets given up and changes from a kept plan
    case ticketPersonUnknown
    case ticketOutsideWeek
    case ticketOnDayOff
    case ticketOutsideTravelHours
    case ticketOverlapsCalendar
    case ticketServiceGone
    case ticketPlacesGone
    case gaveUpBooked
    case droppedVisit
    case droppedVisitBecause
    case movedFromTo
    case nowInsteadOf
    case visitChanged
    case addedVisit
    // What to do about a clash
    case remedyOrReplan
    case remedyTeamsAgreeOnPerson
    case remedyMoveOneVisit
    case remedyTeamsAgreeOnCompany
    case remedyReplanMovesVisit
    case remedyMoveThisVisit
    case remedyMoveVisitOrOwnEvent
    case remedyMoveInsideWorkingHours
    case remedyRebookServiceReplan
    case remedyRebookService
    case remedyRebookConnectionReplan
    case remedyRebookConnection
    case remedyMoveOneOfTwo
    case remedySpreadTheTripReplan
    case remedySpreadTheTrip
    case remedyReplanWith
    case remedyReplanTheWeek
    // Clash and check reports
    case noClashesLine
    case noProblemsFound
    case fixLine
    case clashCount
    case oneClash
    case manyClashes
    case oneError
    case manyErrors
    case oneWarning
    case manyWarnings
    // The plan table
    case modeRail
    case modeAir
    case modeBus
    case modeTaxi
    case modeCar
    case modeWalk
    case ageSeconds
    case ageMinutes
    case ageHours
    case ageDays
    case byMode
    case tableTaxi
    case tablePart
    case tableDoor
    case tableLeg
    case tableAbout
    case tableAboutMustVisit
    case tableWith
    case tableMeet
    case tableNight
    case tableHotel
    case tablePerson
    case tableStaysHome
    case tableLeftOut
    case tableLeftOutEntry
    case tableLeftOutMustVisit
    case tableStale
    case tableStaleEntry
    case tableChanges
    case tableCostLimit
    case tablePersonScore
    case tableScore
    // Own events that hold a person in a place (issue 16)
    case missesOwnEvent
    case ownEventUnnamed
    case ownEventItem
    case awayFromOwnEvent
    case tableMissedOwnEvents
    case tableMissedOwnEvent
    // One person given to two teams on one day
    case personGivenToTeams
    case overlapPart
    // Report labels
    case labelContact
    case icsContact
    // The bureau's store
    case storeCannotOpen
    case storeFailed
    case storeTooNew
    case publishUnknownTeam
    case publishStale
    case logUnknownVisit
    case logNoProject
    case bureauImported
    case weekPublished
    case publishNoTeam
    case visitLogged
    case logNoPlannedVisit
    case statusPlanned
    case statusDone
    case statusCancelled
    case statusOnline
    case statusNoShow
    case bureauRestored
    case bureauExported
    case templateNotMapping
    case templateNotWritten
    case exportColumnMissing
    case exportNotWhole
    case exportNotNumber
    case exportNotDate
    case exportNotChoice
    case exportFileMissing
    case exportNotCSV
    case exportFieldCount
    case publishNotWritten
    case whyList
    case whyProject
    case whyOverdue
    case whyLastVisit
    case whyNeverVisited
    case whyDue
    case whyDuePast
    case whyBooked
    case whyTargetRegion
    case stageLead
    case stageContacted
    case stageVisited
    case stageNegotiating
    case stageSigned
    case stageLanded
    case stageLost
    case weekWritten
    case weekUnknownTeam
    case weekNoTemplate
    // The bureau's report (`Catalogue+en+Bureau.swift`, `Catalogue+zh+Bureau.swift`)
    case reportTitle
    case reportByTeam
    case reportByLeader
    case reportByStage
    case reportBySector
    case reportByRegion
    case reportNone
    case reportTotal
    case reportTrips
    case reportVisitsHeld
    case reportVisitsOnline
    case reportVisitsCalledOff
    case reportVisitsPlanned
    case reportDelegations
    case reportProjectsAt
    case reportExpected
    case reportSigned
    case reportSignedYuan
    case reportHowCounted
    case reportHeatTitle
    case reportHeatLegend
    case reportHeatCell
    case reportHeatEmpty
    // Where a warning or an input error is (`Catalogue+en+Input.swift`, `Catalogue+zh+Input.swift` from here on)
    case atFileLine
    case atFile
    case warningLine
    // Warnings on reading a schedule and its calendar feeds
    case columnIgnored
    case csvReadAsGB18030
    case csvDeclaredGB18030
    case staleCopyInUse
    case credentialsVariableUnset
    case credentialsFileSkipped
    // Timetable coverage
    case dateRange
    case coverageGap
    case coverageServicesRun
    case coverageRunsNoDay
    case coverageUse
    case coverageUseOnly
    case timetableCoveringWeek
    case planWeekInside
    case networkMissesWeek
    // tiaoqi route
    case routeNoProfileJourney
    case routeService
    case routeLaterDay
    case routeDuration
    case routeCar
    case routeWait
    case routeSummary
    case routeSummaryPrice
    case routeUnknownPlace
    case routePlaceHint
    case didYouMean
    case routeNetworkCovering
    case routeAskInside
    case routeNoJourneyAfter
    case routeNoJourneyBy
    // Input errors: the parts
    case problemAndRemedy
    // tiaoqi fetch
    case feedFresh
    case feedNotModified
    case feedStale
    case feedFailed
    case feedBytes
    case feedAge
    case feedReason
    case feedSummary
    // tiaoqi calendar
    case calendarBusy
    case calendarAllDay
    case calendarFree
    case calendarRecurring
    case calendarTentative
    case calendarConfirmed
    case calendarCancelled
    case calendarNotes
    case calendarNoSummary
    case progressFeeds
    case progressPlanning
    // Calendar (.ics) diagnostics and errors
    case icsTooDeep
    case icsNestedTooDeep
    case icsEndWithoutBegin
    case icsNeverClosed
    case icsNeverClosedTruncated
    case icsOutsideBlock
    case icsInvalidUTF8
    case icsNotContentLine
    case icsUnknownTZID
    case icsNotDateOrDateTime
    case icsNotDateOrPeriod
    case icsBadPeriodEnd
    case icsNoStart
    case icsEmptyRule
    case icsUntilBeforeStart
    case icsNegativeCount
    case icsZeroCount
    case icsBadDuration
    case icsNegativeDuration
    case icsEndBeforeStart
    case icsEndLongBeforeStart
    case icsEndTooFar
    case icsDurationTooLong
    case icsLimitPeriods
    case icsLimitInstances
    case icsLimitChineseSteps
    case icsRecurrenceLimited
    case ruleError
    case ruleNoEquals
    case ruleTwice
    case ruleBadInterval
    case ruleBadCount
    case ruleBadUntil
    case ruleBadDay
    case ruleBadOrdinal
    case ruleBadMonth
    case ruleBadWeekStart
    case ruleBadSkip
    case ruleUnknownPart
    case ruleNoFrequency
    case ruleUnknownScale
    case ruleLeapMonth
    case ruleChineseInterval
    case ruleOutOfRange
    case icsTruncated
    case icsNotCalendar
    case icsNotCalendarHTML
    case icsHTMLPage
    case icsNoCalendar
    case icsUnknownCalendarZone
    case icsZoneWithoutID
    case icsZoneWithoutRules
    case icsEventSkipped
    case icsSlotSkipped
    case icsNotDate
    case icsBadFreeBusy
    case icsBadFreeBusyEnd
    case feedNotACalendar
    // Calendar (.ics) diagnostics and errors, continued
    case ruleBadFrequency
    // Fetching calendar feeds
    case calDAVRefused
    case calDAVNot207
    case calDAVNoStatus
    case calDAVNotMultistatus
    case calDAVTruncated
    case calDAVResponseStatus
    case calDAVResponseError
    case calDAVPropstatNoStatus
    case calDAVDataRefused
    case calDAVDataStatus
    case calDAVDataEmpty
    case calDAVNoData
    case feedFileUnreadable
    case feedTimedOut
    case feedRedirectRefused
    case feedRedirectLoop
    case feedNetworkError
    case feedEmptyLocation
    case feedUnsupportedScheme
    case feedBadCharset
    case feedInsecureCredentials
    case feedOfflineNotFetched
    case feedOfflineNoCopy
    case feedCacheNotWritten
    case feedCurlNoStart
    case feedCurlNoHandle
    case feedTooLarge
    case feedHTTPRefused
    case feedHTTPStatus
    case calendarAt
    case calendarLineUnreadable
    // Input errors: schedule folders and clients.csv
    case networkAt
    case noClients
    case invalidID
    case idClient
    case idStaff
    case idPlace
    case idCity
    case clientIDTwice
    case badBusinessHours
    case badMustVisit
    case unknownCity
    case knownCities
    case noPlanFile
    case didYouMeanQuoted
    case usePlaceOrClientID
    case unknownPlace
    case listedFileUnreadable
    case noPlanJSON
    case planWithoutSchedule
    case noSuchPlanInput
    case staffAre
    case staffAreMore
    case eligibleUnknown
    case withUnknown
    case badDayOfWeek
    case latestBeforeEarliest
    case badPinned
    case pinnedNeedsWith
    case afterUnknown
    case afterLink
    case afterCircle
    // Input errors: plan.yaml
    case yamlInvalidHere
    case yamlKeysTwice
    case yamlUnreadable
    case yamlInvalid
    case yamlNotMapping
    case yamlNotList
    case yamlMissingKeySee
    case yamlMissingKey
    case yamlEmptyString
    case yamlBadDate
    case yamlEmptyValue
    case yamlEmptyEntries
    case yamlEmptyList
    case yamlNotWeekday
    case yamlBadHours
    case yamlBadNumber
    case notANumber
    case wholeNumber
    case plainDecimal
    case yamlKeyTwice
    case yamlKeyBelongs
    case yamlKeysHere
    case yamlUnknownKey
    case levelTop
    case levelStaff
    case levelKey
    // Input errors: plan.yaml, continued
    case fileEmpty
    case weekBadEnd
    case badTimeZone
    case noNetworkOrMatrix
    case badNetworkEntry
    case emptyNetworkList
    case badEncoding
    case badWorkday
    case emptyWorkdays
    case staffIDTwice
    case badFinishBy
    case emptyStaff
    case checkInRange
    case checkInPair
    case checkInKey
    // Input errors: feed credentials
    case credentialsEnvNotMapping
    case credentialsEnvBadHost
    case allowInsecureNotBool
    case originVariable
    case originFile
    case originThisEntry
    case credentialsVariableBad
    case credentialsFileUnreadableInPlan
    case credentialsFileUnreadable
    case netrcQuoteOpen
    case netrcNeedsLoginPassword
    case netrcMachineNeedsHost
    case netrcBeforeMachine
    case netrcNeedsValue
    case netrcUnexpectedWord
    case insecureAdvice
    case urlCredentialsInsecure
    case hostCredentialsInsecure
    // Input errors: plan.yaml, days
    case yamlBadDay
    // Input errors: plan.json and hand-made weeks
    case planJSONMissing
    case planJSONInvalid
    case planJSONVersion
    case planJSONAt
    case planJSONMissingKey
    case planJSONWrongType
    case planJSONNull
    case planJSONNotOurs
    case handPlanUnknownPerson
    case planWithoutScheduleCheck
    // Input errors: timetables (GTFS and services.csv)
    case gtfsUnknownCity
    case gtfsStopTwice
    case gtfsStopWithoutCity
    case gtfsCityStopUnknown
    case gtfsCityTooManyStops
    case gtfsTripUnknown
    case gtfsTransferStopUnknown
    case gtfsTripRouteUnknown
    case gtfsTripServiceUnknown
    case gtfsTripTooShort
    case gtfsTripTimeOutOfRange
    case gtfsStopUnknown
    case gtfsTripEndsUntimed
    case gtfsTripBackwards
    // Input errors: pinned visits
    case pinnedWhen
    case pinnedFails
    case pinnedBeforeEarliest
    case pinnedAfterLatest
    case pinnedOutsideBusinessHours
    case pinnedOutsideStaffHours
    case aBusyPeriod
    case quotedSummary
    case pinnedOverlapsEvent
    case pinnedOutsidePublished
    // Input errors: travel_matrix and places.csv
    case matrixMissingColumns
    case matrixTooManyRows
    case matrixEmptyField
    case useClientOrPlaceID
    case matrixUnknownID
    case matrixToItself
    case matrixBadMinutes
    case matrixPairTwice
    case matrixEmpty
    case placeIDTwice
    case placeIDIsClientID
    case useNetworkCity
    // Input errors: the output folder
    case writeFailed
    case writeCreatingFolder
    case writeOpeningFolder
    case writeLockingFolder
    case writeIntoIt
    case writeCreatingNew
    case writeMovingIntoPlace
    case writeMovingNewFiles
    case writeMovingOldAside
    case writeCreatingIt
    case writeWritingIt
    case writeSyncing
    case writeAdviceDenied
    case writeAdviceReadOnly
    case writeAdviceFull
    case writeAdviceNotFolder
    case writeAdviceTooLong
    case writeAdviceOther
    case outIsAFile
    case cannotKeepOwnFile
    // Input errors: GTFS feeds, CSV, text encodings, services.csv and zip archives (`Catalogue+en+Files.swift`,
    // `Catalogue+zh+Files.swift`)
    case csvQuoteNeverClosed
    case csvTooManyFields
    case csvEmptyFile
    case csvColumnTwice
    case csvMissingColumns
    case csvEmptyField
    case csvNotInteger
    case csvNotDecimal
    case fileUnreadable
    case textLineNeither
    case textUTF16
    case textNUL
    case textMustBeText
    case textDeclaredButUTF8
    case textNotGB18030
    case textBadByte
    case textBadByteAtEnd
    case textNeither
    case textNotDeclaredUTF8
    case textOnlyUTF8
    case networkDoesNotExist
    case networkNotFolderOrZip
    case networkFeedNameTwice
    case networkNoTimetable
    case gtfsFileMissing
    case gtfsTimeZoneNotIANA
    case gtfsAgencyZone
    case gtfsRouteType
    case gtfsCalendarEndBeforeStart
    case gtfsNoService
    case gtfsFareUnknown
    case gtfsBadDate
    case gtfsTimeNotHMS
    case gtfsTimePastLatest
    case gtfsFrequencyBadTime
    case gtfsFrequencyEndNotAfterStart
    case gtfsFrequencyTooManyTrips
    case gtfsFrequencyTripUnknown
    case gtfsFrequencyNoFirstTime
    case gtfsFrequencyPastLatest
    case gtfsTransferNotStop
    case gtfsTransferEntrance
    case servicesNeedsCities
    case servicesNoCity
    case servicesNoService
    case servicesEndedBefore
    case servicesModeDiffers
    case servicesModeEmpty
    case servicesFirstRowNeeds
    case servicesBadMode
    case servicesUnknownStop
    case servicesBadTime
    case servicesTimeTooLate
    case servicesOneStop
    case servicesValidToBefore
    case servicesNoTime
    case servicesBackwards
    case servicesOutsideDay
    case servicesBadDays
    case servicesBadDate
    case zipTooLarge
    case zipBroken
    case zipNoEnd
    case zipEndDamaged
    case zipDirectoryDamaged
    case zipSizesImpossible
    case zipTooManyFiles
    case zipTotalTooLarge
    case zipEncrypted
    case zipEntryTooLarge
    case zipBomb
    case zipNoLocalHeader
    case zipCutShort
    case zipTwoSizes
    case zipMethod
    case zipCRC
    case zipNoZlib
    case zipNotDeflate
    case zipInflatesPast
    case zipInflatesShort
    // The shared board, `tiaoqi serve` and `tiaoqi account` (`Catalogue+en+Board.swift`, `Catalogue+zh+Board.swift`)
    case boardName
    case boardLoginTitle
    case boardLoginAccount
    case boardLoginPassword
    case boardLoginSubmit
    case boardLoginFailed
    case boardSignedInAs
    case boardSignOut
    case boardRoleOfficer
    case boardRoleLead
    case boardRoleCoordinator
    case boardRoleAdmin
    case boardWeeksTitle
    case boardTeamWeeksTitle
    case boardColumnTeam
    case boardColumnWeek
    case boardColumnVersion
    case boardColumnPublished
    case boardNoWeeks
    case boardNoTeam
    case boardForbiddenTitle
    case boardForbidden
    case boardBadFormTitle
    case boardBadForm
    case serveListening
    case accountAdded
    case accountEmptyPassword
    case accountBadID
    case accountNeedsTeam
    case accountUnknownTeam
    case accountNone
    case accountColumnID
    case accountColumnName
    case accountColumnRole
    case accountColumnStaff
    case accountDisabled
    // The board's weeks, clashes and calendars (`Catalogue+en+Weeks.swift`, `Catalogue+zh+Weeks.swift`)
    case boardBack
    case boardBadWeek
    case boardCalendarTitle
    case boardCalendarNav
    case boardCalendarNew
    case boardCalendarMade
    case boardCalendarNone
    case boardCalendarMake
    case boardCalendarRevoke
    case boardChangesHeading
    case boardClashCount
    case boardClashesHeading
    case boardColumnDepart
    case boardColumnFix
    case boardColumnKind
    case boardColumnPeople
    case boardColumnPerson
    case boardColumnService
    case boardColumnSeverity
    case boardColumnState
    case boardColumnTeams
    case boardColumnTicket
    case boardColumnTrip
    case boardColumnWhat
    case boardColumnWhen
    case boardDiscardDraft
    case boardDraftHeading
    case boardDraftMade
    case boardDraftMadeNew
    case boardFailedTitle
    case boardFindingsHeading
    case boardMarkBought
    case boardNoChanges
    case boardNoDraft
    case boardNoFindings
    case boardNoSchedule
    case boardNoStaff
    case boardNoSuchLeg
    case boardNoSuchVisit
    case boardBadPinTime
    case boardPinHeading
    case boardPinHint
    case boardPinSubmit
    case boardNoWeekYet
    case boardNothingPublished
    case boardPipelineNav
    case boardPlanHeading
    case boardPlanSubmit
    case boardPlanWeekLabel
    case boardPublishDraft
    case boardPublishedHeading
    case boardReplan
    case boardStaleCalendars
    case boardStaleWarning
    case boardStatisticsNav
    case boardTicketBought
    case boardTicketsHeading
    case boardWeekHolds
    case boardWeekLink
    case boardWeekStale
    case boardWeekTitle
    case boardWeeksNav
    case serveDemoNotFound
    case serveDemoLoaded
    case serveDemoAccounts
    case boardPipelineSummary
    case boardColumnProject
    case boardColumnCompany
    case boardColumnOwner
    case boardColumnNextStep
    case boardColumnDue
    case boardColumnLastNote
    case boardOverdue
    case weekWithoutCalendar
}
