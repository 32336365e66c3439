#!/usr/bin/env bash
# A partner agency's system against a running TriLink (partner-exchange-v1): sends signed
# referrals, receives and verifies callbacks, drops files. JDK only, no build needed.
#   TRILINK_URL=http://localhost:8080 PARTNER=demo-police SECRET=demo-police-secret \
#     integration/partner-simulator.sh send integration/samples/referral.json
# Commands: send <file.json> | send-sample <externalId> | status <referralId> |
#           callbacks <port> | drop <inbox> <file.csv> | csv <rows> <badRows>
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
exec java "$here/../src/test/java/org/trilink/partners/simulator/PartnerSimulator.java" "$@"
