import json
import urllib.request

SLACK_WEBHOOK = "https://hooks.slack.com/services/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"


def notify(text: str) -> None:
    body = json.dumps({"text": text}).encode()
    req = urllib.request.Request(SLACK_WEBHOOK, data=body, headers={"Content-Type": "application/json"})
    urllib.request.urlopen(req, timeout=5)
