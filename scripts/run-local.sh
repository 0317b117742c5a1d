#!/usr/bin/env bash
# Starts Notify locally with its real dependencies: Azurite (tables, queues), MailDev (SMTP catcher)
# and the self-host on http://localhost:7071. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -x tools/node_modules/.bin/azurite ] || npm ci --no-audit --no-fund --prefix tools

data=.artifacts/azurite
mkdir -p "$data"
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; }
trap cleanup EXIT INT TERM

tools/node_modules/.bin/azurite --silent --skipApiVersionCheck --disableTelemetry --location "$data" \
  --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 >"$data/azurite.log" 2>&1 &
pids+=($!)
tools/node_modules/.bin/maildev --smtp 1025 --web 1080 --ip 127.0.0.1 >.artifacts/maildev.log 2>&1 &
pids+=($!)

export AzureWebJobsStorage="${AzureWebJobsStorage:-UseDevelopmentStorage=true}"
export Notify__OperatorKey="${Notify__OperatorKey:-local-operator-key}"
export Notify__DevelopmentAppId="${Notify__DevelopmentAppId:-dev}"
export Notify__Email__Provider="${Notify__Email__Provider:-Smtp}"
export Notify__Email__SmtpHost="${Notify__Email__SmtpHost:-127.0.0.1}"
export Notify__Email__SmtpPort="${Notify__Email__SmtpPort:-1025}"
export Notify__Email__SenderAddress="${Notify__Email__SenderAddress:-notify@localhost}"
export SelfHost__MailDevUrl="${SelfHost__MailDevUrl:-http://127.0.0.1:1080}"
url="${ASPNETCORE_URLS:-http://localhost:7071}"
export ASPNETCORE_URLS="$url"

dotnet build functions/Notify.SelfHost --configuration Release --nologo -v quiet
dotnet functions/Notify.SelfHost/bin/Release/net10.0/Notify.SelfHost.dll &
pids+=($!)

for _ in $(seq 1 120); do
  curl -fs "$url/health" >/dev/null 2>&1 && break
  sleep 0.5
done
app=$(curl -fs "$url/operator/apps/$Notify__DevelopmentAppId" -H "X-Notify-Operator-Key: $Notify__OperatorKey")
key=$(sed -E 's/.*"apiKey":"([^"]+)".*/\1/' <<<"$app")
secret=$(sed -E 's/.*"apiSecret":"([^"]+)".*/\1/' <<<"$app")

cat <<INFO

Notify is running at $url
  API reference:         $url/docs (OpenAPI documents: $url/openapi/{v3,operator,batch,subscriptions,status}.json)
  MailDev (sent email):  http://127.0.0.1:1080
  SMS (not sent):        .artifacts/sms-outbox.jsonl (one JSON line per SMS)
  Operator API key:      $Notify__OperatorKey
  Development app:       $Notify__DevelopmentAppId
    API key:             $key
    API secret:          $secret

Send a notification:
  curl -X POST $url/v3/notifications \\
    -H "X-ENGAGESPOT-API-KEY: $key" -H "X-ENGAGESPOT-API-SECRET: $secret" \\
    -H "Content-Type: application/json" \\
    -d '{"notification":{"title":"Hello"},"sendTo":{"recipients":["alice"]}}'
Send through the batch messages API (bearer = the API secret; the template is the notification):
  curl -X POST $url/v3/templates -H "X-ENGAGESPOT-API-KEY: $key" -H "X-ENGAGESPOT-API-SECRET: $secret" \\
    -H "Content-Type: application/json" -d '{"identifier":"hello","locales":{"en":{"inApp":{"title":"Hello {{ user.firstName }}"}}}}'
  curl -X POST $url/messages.send -H "Authorization: Bearer $secret" -H "Content-Type: application/json" \\
    -d '{"messages":[{"notificationId":"hello","userId":"alice","userFirstName":"Alice"}]}'
Read alice's inbox:
  curl $url/v3/notifications -H "X-ENGAGESPOT-API-KEY: $key" -H "X-ENGAGESPOT-USER-ID: alice"

Ctrl-C stops everything.
INFO
wait
