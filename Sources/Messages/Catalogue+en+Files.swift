// The English catalogue, third file: errors in reading timetables (GTFS feeds, services.csv), CSV, text and zip files.
// `{name}` marks a value put in; keep each template's placeholders as they are.

extension Catalogue {
    /// The English templates of the errors in reading timetables: GTFS feeds, services.csv, CSV, text and zip files.
    static let englishFiles: [MessageKey: String] = [
        .csvQuoteNeverClosed: "a quoted field is never closed; add the closing \"",
        .csvTooManyFields: "this row has {count} fields but the header has {width}; quote fields that contain commas",
        .csvEmptyFile: "the file is empty; it needs a header row",
        .csvColumnTwice:
            "columns {first} and {second} are both named '{column}'; rename or remove one, so that it is clear which one counts",
        .csvMissingColumns: "missing column(s) {columns}; the header is {header}",
        .csvEmptyField: "'{column}' is empty; every row needs one",
        .csvNotInteger: "'{column}' is '{text}'; it must be a whole number from {low} to {high}",
        .csvNotDecimal:
            "'{column}' is '{text}'; it must be a plain decimal number (such as 31.25, no exponent or hex) from {low} to {high}",
        .fileUnreadable: "cannot read the file; check that it exists and that you may read it",
        .textLineNeither:
            "this line is neither UTF-8 nor GB18030 (GBK) text, though the lines before it read as GB18030: fix or remove its bad bytes, or save the file again (from Excel: Save As 'CSV UTF-8')",
        .textUTF16: "is UTF-16 text; save it as UTF-8 (in most editors: Save As, encoding UTF-8)",
        .textNUL: "a NUL byte (is it UTF-16 or a binary file?)",
        .textMustBeText: "the file must be text",
        .textDeclaredButUTF8:
            "the file is UTF-8 text, not GB18030 as plan.yaml's 'encoding:' says; remove 'encoding:' (or write 'encoding: utf-8')",
        .textNotGB18030:
            "this line is not GB18030 (or GBK) text, as plan.yaml's 'encoding:' says the file is; save the file again as GB18030 (from Excel: Save As 'CSV (Comma delimited)' on a Chinese Windows), or as UTF-8 and remove 'encoding:'",
        .textBadByte: "byte {byte}, which is not UTF-8",
        .textBadByteAtEnd: "byte the end, which is not UTF-8",
        .textNeither:
            "the file must be UTF-8 or GB18030 (GBK) text and is neither: save it as UTF-8 (from Excel: Save As 'CSV UTF-8'), or say its encoding with 'encoding:' in plan.yaml",
        .textNotDeclaredUTF8:
            "the file must be UTF-8 text, as plan.yaml's 'encoding: utf-8' says: save it as UTF-8 (from Excel: Save As 'CSV UTF-8'), or write 'encoding: gb18030' in plan.yaml if it is GB18030 or GBK",
        .textOnlyUTF8:
            "the file must be UTF-8 text: save it as UTF-8 (from Excel: Save As 'CSV UTF-8'; iconv -f GBK -t UTF-8 converts GBK)",
        .networkDoesNotExist: "does not exist; give a GTFS folder or .zip file (plan.yaml's 'network:', or --network)",
        .networkNotFolderOrZip: "is neither a folder nor a .zip file; give a GTFS folder or .zip",
        .networkFeedNameTwice: "has the same feed name '{name}' as {other}; rename one so that their ids stay apart",
        .networkNoTimetable:
            "holds no timetable (a GTFS feed with agency.txt, a services.csv, a .zip, or sub-folders with either)",
        .gtfsFileMissing: "missing; a network needs it",
        .gtfsTimeZoneNotIANA: "time_zone '{zone}' is not an IANA zone",
        .gtfsAgencyZone: "agency_timezone must be an IANA zone such as Asia/Shanghai",
        .gtfsRouteType: "route_type {type} is not rail (2, 100–117), air (1100–1199) or bus (3, 200–209, 700–717)",
        .gtfsCalendarEndBeforeStart: "end_date {end} is before start_date {start}; swap them or fix the year",
        .gtfsNoService: "neither calendar.txt nor calendar_dates.txt defines any service",
        .gtfsFareUnknown: "fare_id '{fare}' is not in fare_attributes.txt",
        .gtfsBadDate: "{column} '{text}' is not a date YYYYMMDD",
        .gtfsTimeNotHMS: "{column} '{text}' is not H:MM:SS (hours may pass 24)",
        .gtfsTimePastLatest:
            "{column} '{text}' is past {hours}:00:00, the latest Tiaoqi reads; times pass 24:00:00 only for a trip that runs over midnight, so fix the time or give the trip the later day's service in calendar.txt",
        .gtfsFrequencyBadTime: "{column} '{text}' is not a time H:MM:SS up to {hours}:00:00",
        .gtfsFrequencyEndNotAfterStart:
            "end_time is not after start_time; the trip runs from start_time until before end_time",
        .gtfsFrequencyTooManyTrips:
            "this row makes {count} trips, more than the {most} Tiaoqi takes from one row; give a longer headway_secs or list the trips in stop_times.txt",
        .gtfsFrequencyTripUnknown: "trip_id '{trip}' is not in trips.txt; add the trip or remove the row",
        .gtfsFrequencyNoFirstTime:
            "trip '{trip}' needs stop_times.txt rows with a time at its first stop to run at a headway",
        .gtfsFrequencyPastLatest:
            "the trip leaving at {time} would reach its stop '{stop}' after {hours}:00:00, the latest Tiaoqi reads; end the headway earlier",
        .gtfsTransferNotStop:
            "'{id}' is not a stop_id of stops.txt; name a stop, platform or station that stops.txt defines",
        .gtfsTransferEntrance:
            "'{id}' is an entrance or node (location_type {kind}); a transfer is between stops, platforms or stations",
        .servicesNeedsCities:
            "needs cities.csv and city_stops.csv (with name, lat and lon for each station) beside it; see docs/FORMATS.md",
        .servicesNoCity: "has no city; add one row per city",
        .servicesNoService: "has no service; add one row per stop of each service",
        .servicesEndedBefore:
            "the row before has no depart, so {service} ended there; give this run of {service} its own days or dates, or fill depart on the row before",
        .servicesModeDiffers: "mode '{mode}' differs from the earlier rows of {service}; a service has one mode",
        .servicesModeEmpty: "'mode' is empty; the first row of {service} needs train, flight or bus",
        .servicesFirstRowNeeds:
            "the first row of {service} needs days (such as 1234567), valid_from and valid_to (such as 2022-01-10)",
        .servicesBadMode: "mode '{mode}' is not train, flight or bus",
        .servicesUnknownStop:
            "stop '{stop}' is not a stop_id or name in city_stops.csv; add the station there (stop_id, city_id, name, lat, lon)",
        .servicesBadTime: "{column} '{text}' is not a time such as 08:15, 25:10 or 01:10+1",
        .servicesTimeTooLate:
            "{column} '{text}' is more than {hours} hours after the service's first day began, the most Tiaoqi reads",
        .servicesOneStop: "{service} has only one stop; give one row per stop, in order, at least two",
        .servicesValidToBefore: "valid_to {to} is before valid_from {from}; swap them or fix the year",
        .servicesNoTime: "give arrive or depart (or both) at every stop",
        .servicesBackwards: "the times go backwards here; a time on the next day is written 01:10+1 (or 25:10)",
        .servicesOutsideDay: "this time, moved into the zone of the first stop, falls outside its day",
        .servicesBadDays: "days '{text}' must be digits 1–7 (1 Monday … 7 Sunday), such as 1234567 or 12345",
        .servicesBadDate: "{column} '{text}' is not a date such as 2022-01-10",
        .zipTooLarge:
            "is {length} bytes, more than the {most} MiB Tiaoqi reads from one archive; remove files it does not need (shapes.txt) or split the feed",
        .zipBroken: "is not a readable ZIP archive: {why}",
        .zipNoEnd: "no end of central directory (truncated download?)",
        .zipEndDamaged: "the end of central directory is damaged",
        .zipDirectoryDamaged: "the central directory is damaged",
        .zipSizesImpossible: "the sizes recorded for {name} are impossible",
        .zipTooManyFiles:
            "holds {count} files, more than the {most} Tiaoqi reads from one archive; zip only the feed's files",
        .zipTotalTooLarge:
            "would inflate to {total} bytes in all ({name}: {size}), more than the {most} MiB Tiaoqi reads from one archive; remove files it does not need (shapes.txt) or split the feed",
        .zipEncrypted: "is encrypted; unzip it first or export it without a password",
        .zipEntryTooLarge:
            "would inflate to {size} bytes, more than the {most} MiB Tiaoqi takes from one file of an archive; split the feed or remove what it does not need",
        .zipBomb:
            "inflates {ratio} times ({compressed} bytes to {size} or more), more than the {most} times Tiaoqi accepts past {floor} MiB: it looks like a zip bomb; unzip it yourself and check it",
        .zipNoLocalHeader: "has no local header where the directory says; the archive is damaged",
        .zipCutShort: "is cut short; the archive is truncated",
        .zipTwoSizes: "is stored with two different sizes",
        .zipMethod: "uses compression method {method}; Tiaoqi reads stored and deflated files, so re-zip it",
        .zipCRC: "fails its CRC-32 check; the archive is damaged",
        .zipNoZlib: "cannot be inflated: zlib could not start",
        .zipNotDeflate: "is not valid DEFLATE data; the archive is damaged",
        .zipInflatesPast:
            "inflates past the {size} bytes the archive records for it; the archive is damaged or hostile",
        .zipInflatesShort: "does not inflate to the {size} bytes the archive records",
    ]
}
