#!/usr/bin/env python3
"""Writes vectors/<family>.json: true positives for every built-in rule, plus mutated negatives.

Each sample is built from the issuer's documented token layout, written here independently of the
Java regexes (templates below), with a fixed seed so the files are reproducible:

    python3 make_vectors.py   # from this directory

A vector is {"desc", "text", "want": [rule ids, in order], "notWant": [rule ids]}: the scanner must
report exactly `want` (when given) and none of `notWant`.
"""
import base64, binascii, json, os, random, re, string

HERE = os.path.dirname(os.path.abspath(__file__))
RULES = os.path.join(HERE, "../../../../../../main/resources/io/sovereignrouter/gateway/scan/builtin-rules.txt")
rnd = random.Random(20261123)

B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
ALPH = {
    "an": string.ascii_letters + string.digits, "hex": "0123456789abcdef", "HEX": "0123456789ABCDEF",
    "b64": string.ascii_letters + string.digits + "+/", "url": string.ascii_letters + string.digits + "_-",
    "lo": string.ascii_lowercase, "up": string.ascii_uppercase, "b32": "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567",
    "b32l": "abcdefghijklmnopqrstuvwxyz234567", "an36": string.ascii_lowercase + string.digits,
    "AN36": string.ascii_uppercase + string.digits, "dig": string.digits, "letters": string.ascii_letters,
    "bech": "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L",
}
BAD = ("example", "xxxx", "your", "fake", "dummy", "sample", "insert", "replace", "redacted", "placeholder")


def rand(kind, n):
    alphabet = ALPH[kind]
    while True:
        s = "".join(rnd.choice(alphabet) for _ in range(n))
        if re.search(r"(.)\1{4}", s) or any(b in s.lower() for b in BAD):
            continue
        needs_mix = kind in ("an", "url", "b64", "an36", "AN36", "HEX", "hex") and n >= 8
        if needs_mix and not (re.search(r"[0-9]", s) and re.search(r"[A-Za-z]", s)):
            continue
        return s


def crc62(entropy):
    v = binascii.crc32(entropy.encode()) & 0xFFFFFFFF
    out = ""
    for _ in range(6):
        out = B62[v % 62] + out
        v //= 62
    return out


def expand(template):
    last = {}

    def sub(m):
        kind, _, n = m.group(1).partition(":")
        if kind == "S":
            return "{S}"
        if kind == "crc":
            return crc62(last["v"])
        if kind == "uuid":
            return "-".join(rand("hex", k) for k in (8, 4, 4, 4, 12))
        v = rand(kind, int(n))
        last["v"] = v
        return v

    return re.sub(r"\{([A-Za-z0-9]+(?::[0-9]+)?)\}", sub, template)


def b64url(obj):
    return base64.urlsafe_b64encode(json.dumps(obj).encode()).decode().rstrip("=")


def jwt():
    return ".".join([b64url({"alg": "HS256", "typ": "JWT"}),
                     b64url({"sub": rand("dig", 10), "name": "Ada", "iat": 1716239022}), rand("url", 43)])


def pem(label, lines=8):
    body = "\n".join(rand("b64", 64) for _ in range(lines))
    return f"-----BEGIN {label}-----\n{body}\n-----END {label}-----"


# rule id -> template of the text around the secret; {S} marks a literal secret built separately.
T = {
    "openai-legacy-key": "OPENAI_API_KEY=sk-{an:20}T3BlbkFJ{an:20}",
    "openai-project-key": "client = OpenAI(api_key=\"sk-proj-{url:156}\")",
    "openai-service-account-key": "key: sk-svcacct-{url:120}",
    "openai-admin-key": "admin sk-admin-{url:140}",
    "openai-user-key": "sk-None-{url:48}",
    "anthropic-api-key": "ANTHROPIC_API_KEY=sk-ant-api03-{url:93}AA",
    "anthropic-admin-key": "x-api-key: sk-ant-admin01-{url:93}AA",
    "anthropic-oauth-token": "token sk-ant-oat01-{url:95}",
    "groq-api-key": "GROQ_API_KEY=gsk_{an:52}",
    "xai-api-key": "XAI_API_KEY=xai-{an:80}",
    "perplexity-api-key": "pplx-{an:48}",
    "openrouter-api-key": "sk-or-v1-{hex:64}",
    "huggingface-token": "HF_TOKEN=hf_{letters:34}",
    "huggingface-org-token": "api_org_{letters:34}",
    "replicate-api-token": "REPLICATE_API_TOKEN=r8_{an:37}",
    "nvidia-api-key": "nvapi-{url:64}",
    "langsmith-api-key": "LANGSMITH_API_KEY=lsv2_pt_{hex:32}_{hex:10}",
    "pinecone-api-key": "pcsk_{an:6}_{an:63}",
    "tavily-api-key": "tvly-dev-{an:32}",
    "firecrawl-api-key": "fc-{hex:32}",
    "elevenlabs-api-key": "xi-api-key: sk_{hex:48}",
    "cerebras-api-key": "csk-{an36:48}",
    "together-api-key": "tgp_v1_{url:43}",
    "fireworks-api-key": "fw_{an:24}",
    "voyage-api-key": "VOYAGE_API_KEY=pa-{url:43}",
    "helicone-api-key": "sk-helicone-{an36:7}-{an36:7}-{an36:7}-{an36:7}",
    "anyscale-api-key": "esecret_{an36:26}",
    "deepseek-api-key": "DEEPSEEK_API_KEY=sk-{hex:32}",
    "mistral-api-key": "MISTRAL_API_KEY={an:32}",
    "cohere-api-key": "cohere_api_key: {an:40}",
    "together-legacy-key": "TOGETHER_API_KEY={hex:64}",
    "azure-openai-key": "AZURE_OPENAI_API_KEY={hex:32}",
    "assemblyai-api-key": "ASSEMBLYAI_API_KEY={hex:32}",
    "deepgram-api-key": "DEEPGRAM_API_KEY={hex:40}",
    "wandb-api-key": "WANDB_API_KEY={hex:40}",
    "stability-api-key": "STABILITY_API_KEY=sk-{an:48}",
    "sovereign-tenant-key": "Authorization: Bearer sk-router-{b32l:12}_{an:40}",
    "sovereign-admin-token": "sk-admin-{url:43}",
    "aws-access-key-id": "aws_access_key_id = AKIA{b32:16}",
    "aws-secret-access-key": "aws_secret_access_key = {b64:40}",
    "aws-secret-near-id": "Access key ID,Secret access key\nAKIA{b32:16},{b64:40}",
    "aws-session-token": "FwoGZXIvYXdzE{b64:300}",
    "aws-session-token-assignment": "aws_session_token = {b64:356}",
    "aws-bedrock-api-key": "AWS_BEARER_TOKEN_BEDROCK=ABSKQmVkcm9ja0FQSUtleS{b64:110}",
    "aws-bedrock-short-term-key": "bedrock-api-key-{b64:600}",
    "amazon-mws-auth-token": "amzn.mws.{uuid}",
    "amazon-oauth-client-secret": "amzn1.oa2-cs.v1.{hex:64}",
    "google-api-key": "https://maps.googleapis.com/maps/api/js?key=AIza{url:35}",
    "google-oauth-client-secret": "\"client_secret\": \"GOCSPX-{url:28}\"",
    "google-oauth-access-token": "Authorization: Bearer ya29.{url:180}",
    "google-oauth-refresh-token": "\"refresh_token\": \"1//0{url:100}\"",
    "gcp-service-account-key-id": "{\"type\": \"service_account\", \"private_key_id\": \"{hex:40}\"}",
    "gcp-hmac-access-id": "GOOG1{b32:56}",
    "gcp-hmac-secret": "hmac_secret: {b64:40}",
    "firebase-fcm-server-key": "key=AAAA{url:7}:APA91b{url:134}",
    "azure-storage-account-key": "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey={b64:86}==;EndpointSuffix=core.windows.net",
    "azure-sas-token": "https://acct.blob.core.windows.net/c/b?sv=2022-11-02&ss=b&srt=o&sp=r&se=2026-12-01T00:00:00Z&sig={b64:43}%3D",
    "azure-ad-client-secret": "AZURE_CLIENT_SECRET={an:3}8Q~{url:34}",
    "azure-devops-pat": "ADO_TOKEN={an:76}AZDO{an:4}",
    "azure-devops-pat-legacy": "AZURE_DEVOPS_EXT_PAT={b32l:52}",
    "azure-shared-access-key": "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey={b64:43}=",
    "azure-access-key": "Endpoint=https://x.service.signalr.net;AccessKey={b64:43}=;Version=1.0;",
    "azure-app-configuration-secret": "Endpoint=https://cfg.azconfig.io;Id=Ab12-l0-s0:Xy9;Secret={b64:43}=",
    "azure-function-key": "https://app.azurewebsites.net/api/f?code={url:54}==",
    "azure-cosmosdb-key": "COSMOS_KEY={b64:86}==",
    "alibaba-access-key-id": "LTAI{an:20}",
    "alibaba-access-key-secret": "AccessKeySecret: {an:30}",
    "tencent-secret-id": "AKID{an:32}",
    "ibm-cloud-api-key": "IBMCLOUD_API_KEY={url:44}",
    "digitalocean-pat": "dop_v1_{hex:64}",
    "digitalocean-oauth-token": "doo_v1_{hex:64}",
    "digitalocean-refresh-token": "dor_v1_{hex:64}",
    "linode-token": "LINODE_TOKEN={hex:64}",
    "vultr-api-key": "VULTR_API_KEY={AN36:36}",
    "hetzner-api-token": "HCLOUD_TOKEN={an:64}",
    "scaleway-access-key": "SCW{AN36:17}",
    "backblaze-application-key": "B2_APPLICATION_KEY=K004{an:27}",
    "cloudflare-api-token": "CLOUDFLARE_API_TOKEN={url:40}",
    "cloudflare-global-api-key": "X-Auth-Key: {hex:37}",
    "cloudflare-origin-ca-key": "v1.0-{hex:24}-{hex:146}",
    "heroku-api-key": "HRKU-AA{url:58}",
    "flyio-token": "FLY_API_TOKEN=fo1_{url:43}",
    "vercel-token": "VERCEL_TOKEN={an:24}",
    "netlify-token": "nfp_{an:36}",
    "render-api-key": "rnd_{an:32}",
    "supabase-pat": "sbp_{hex:40}",
    "supabase-secret-key": "sb_secret_{url:31}",
    "planetscale-token": "pscale_tkn_{url:43}",
    "neon-api-key": "napi_{an36:64}",
    "doppler-token": "DOPPLER_TOKEN=dp.st.{an:43}",
    "vault-token": "VAULT_TOKEN=hvs.{url:90}",
    "terraform-cloud-token": "token = \"{an:14}.atlasv1.{url:67}\"",
    "pulumi-access-token": "PULUMI_ACCESS_TOKEN=pul-{hex:40}",
    "onepassword-service-account-token": "OP_SERVICE_ACCOUNT_TOKEN=ops_eyJ{url:300}",
    "onepassword-secret-key": "A3-{AN36:6}-{AN36:6}-{AN36:5}-{AN36:5}-{AN36:5}-{AN36:5}",
    "age-secret-key": "AGE-SECRET-KEY-1{bech:58}",
    "tailscale-key": "tskey-auth-{an:17}-{an:33}",
    "ngrok-authtoken": "ngrok config add-authtoken {an:27}_{an:21}",
    "cloudinary-url": "CLOUDINARY_URL=cloudinary://{dig:15}:{url:27}@demo-cloud",
    "yandex-api-key": "AQVN{url:36}",
    "yandex-iam-token": "t1.{url:60}.{url:86}",
    "github-pat": "GITHUB_TOKEN=ghp_{an:30}{crc}",
    "github-oauth-token": "gho_{an:30}{crc}",
    "github-user-to-server-token": "ghu_{an:30}{crc}",
    "github-server-to-server-token": "ghs_{an:30}{crc}",
    "github-refresh-token": "ghr_{an:30}{crc}",
    "github-fine-grained-pat": "github_pat_{an:22}_{an:59}",
    "gitlab-pat": "PRIVATE-TOKEN: glpat-{url:20}",
    "gitlab-deploy-token": "gldt-{url:20}",
    "gitlab-runner-token": "glrt-{url:20}",
    "gitlab-ci-job-token": "glcbt-{url:20}",
    "gitlab-pipeline-trigger-token": "glptt-{hex:40}",
    "gitlab-feed-token": "glft-{url:20}",
    "gitlab-incoming-mail-token": "glimt-{an36:25}",
    "gitlab-oauth-app-secret": "gloas-{hex:64}",
    "gitlab-agent-token": "glagent-{url:50}",
    "gitlab-scim-token": "glsoat-{url:20}",
    "gitlab-feature-flag-token": "glffct-{url:20}",
    "gitlab-runner-registration-token": "GR1348941{url:20}",
    "bitbucket-app-password": "ATBB{an:32}",
    "atlassian-api-token": "ATATT3{url:180}",
    "atlassian-admin-api-key": "ATCTT3{url:180}",
    "artifactory-api-key": "AKCp{an:69}",
    "artifactory-reference-token": "cmVmdGtu{an:56}",
    "sonarqube-token": "SONAR_TOKEN=squ_{hex:40}",
    "circleci-token": "CCIPAT_{an:22}_{hex:40}",
    "buildkite-token": "bkua_{hex:40}",
    "harness-pat": "pat.{url:22}.{hex:24}.{an:20}",
    "prefect-api-key": "pnu_{an:36}",
    "npm-access-token": "//registry.npmjs.org/:_authToken=npm_{an:30}{crc}",
    "npmrc-auth-token": "//npm.internal/:_authToken={url:40}",
    "pypi-api-token": "password = pypi-AgEIcHlwaS5vcmc{url:160}",
    "testpypi-api-token": "pypi-AgENdGVzdC5weXBpLm9yZw{url:160}",
    "rubygems-api-key": "rubygems_{hex:48}",
    "nuget-api-key": "oy2{an36:43}",
    "crates-io-token": "cio{an:32}",
    "dockerhub-pat": "docker login -u me -p dckr_pat_{url:27}",
    "dockerhub-oat": "dckr_oat_{url:32}",
    "docker-config-auth": "{\"auths\": {\"registry.internal\": {\"auth\": \"{S}\"}}}",
    "clojars-token": "CLOJARS_{an36:60}",
    "databricks-pat": "DATABRICKS_TOKEN=dapi{hex:32}",
    "databricks-oauth-secret": "dose{hex:32}",
    "snowflake-password": "SNOWFLAKE_PASSWORD={an:16}",
    "grafana-service-account-token": "glsa_{an:32}_{hex:8}",
    "grafana-cloud-token": "glc_{b64:120}",
    "grafana-api-key": "eyJrIjoi{b64:60}",
    "newrelic-user-key": "NRAK-{AN36:27}",
    "newrelic-insert-key": "NRII-{url:32}",
    "newrelic-browser-key": "NRJS-{hex:19}",
    "newrelic-license-key": "license_key: {hex:36}NRAL",
    "datadog-api-key": "DD_API_KEY={hex:32}",
    "datadog-app-key": "DD_APP_KEY={hex:40}",
    "dynatrace-token": "dt0c01.{AN36:24}.{AN36:64}",
    "sentry-org-token": "sntrys_eyJ{url:140}",
    "sentry-user-token": "sntryu_{hex:64}",
    "honeycomb-ingest-key": "hcaik_{an36:58}",
    "rollbar-token": "ROLLBAR_ACCESS_TOKEN={hex:32}",
    "bugsnag-api-key": "BUGSNAG_API_KEY={hex:32}",
    "pagerduty-api-key": "PAGERDUTY_TOKEN={an:20}",
    "algolia-admin-key": "ALGOLIA_ADMIN_KEY={hex:32}",
    "mapbox-secret-token": "sk.eyJ{url:80}.{url:22}",
    "maxmind-license-key": "{an:6}_{an:29}_mmk",
    "fastly-api-token": "FASTLY_API_TOKEN={url:32}",
    "readme-api-key": "rdme_{an36:70}",
    "scalingo-token": "tk-us-{url:48}",
    "slack-bot-token": "SLACK_BOT_TOKEN=xoxb-{dig:12}-{dig:13}-{an:24}",
    "slack-user-token": "xoxp-{dig:12}-{dig:12}-{dig:13}-{hex:32}",
    "slack-app-token": "xapp-1-A{AN36:10}-{dig:13}-{hex:64}",
    "slack-config-token": "xoxe.xoxp-1-{an:163}",
    "slack-refresh-token": "xoxe-1-{an:146}",
    "slack-legacy-token": "xoxa-2-{dig:12}-{an:32}",
    "slack-session-token": "xoxc-{dig:12}-{dig:12}-{dig:13}-{hex:64}",
    "slack-webhook-url": "https://hooks.slack.com/services/T{AN36:10}/B{AN36:10}/{an:24}",
    "slack-workflow-webhook-url": "https://hooks.slack.com/triggers/T{AN36:10}/A{AN36:10}/{dig:17}/{an:32}",
    "discord-bot-token": "DISCORD_TOKEN=M{url:25}.{url:6}.{url:38}",
    "discord-webhook-url": "https://discord.com/api/webhooks/{dig:18}/{url:68}",
    "telegram-bot-token": "https://api.telegram.org/bot{dig:10}:AA{url:33}/getMe",
    "teams-webhook-url": "https://contoso.webhook.office.com/webhookb2/{uuid}@{uuid}/IncomingWebhook/{hex:32}/{uuid}",
    "zapier-webhook-url": "https://hooks.zapier.com/hooks/catch/{dig:7}/{an36:6}",
    "twilio-api-key": "twilio api key SK{hex:32}",
    "twilio-auth-token": "TWILIO_AUTH_TOKEN={hex:32}",
    "sendgrid-api-key": "SENDGRID_API_KEY=SG.{url:22}.{url:43}",
    "mailgun-api-key": "api:key-{hex:32}",
    "mailchimp-api-key": "{hex:32}-us14",
    "mandrill-api-key": "md-{url:22}",
    "brevo-api-key": "xkeysib-{hex:64}-{an:16}",
    "brevo-smtp-key": "xsmtpsib-{hex:64}-{an:16}",
    "resend-api-key": "RESEND_API_KEY=re_{an:8}_{an:24}",
    "mailjet-secret": "MAILJET_SECRET_KEY={hex:32}",
    "sparkpost-api-key": "SPARKPOST_API_KEY={hex:40}",
    "intercom-access-token": "dG9rOj{b64:54}==",
    "hubspot-private-app-token": "pat-na1-{uuid}",
    "zendesk-api-token": "ZENDESK_API_TOKEN={an:40}",
    "linear-api-key": "lin_api_{an:40}",
    "linear-oauth-token": "lin_oauth_{hex:64}",
    "notion-token": "NOTION_TOKEN=ntn_{dig:11}{an:35}",
    "airtable-pat": "pat{an:14}.{hex:64}",
    "asana-pat": "ASANA_PAT=2/{dig:16}/{dig:16}:{hex:32}",
    "clickup-api-token": "pk_{dig:8}_{AN36:32}",
    "figma-pat": "figd_{url:40}",
    "contentful-pat": "CFPAT-{url:43}",
    "postman-api-key": "PMAK-{hex:24}-{hex:34}",
    "typeform-pat": "tfp_{url:44}",
    "frameio-token": "fio-u-{url:64}",
    "dropbox-token": "sl.{url:138}",
    "trello-token": "TRELLO_TOKEN={hex:64}",
    "twitch-token": "TWITCH_OAUTH_TOKEN={an36:30}",
    "twitter-bearer-token": "Bearer AAAAAAAAAAAAAAAAAAAAA{an:80}",
    "facebook-access-token": "EAAB{an:180}",
    "facebook-app-secret": "FB_APP_SECRET={hex:32}",
    "instagram-access-token": "IGQV{url:160}",
    "spotify-client-secret": "SPOTIFY_CLIENT_SECRET={hex:32}",
    "okta-api-token": "OKTA_API_TOKEN=00{url:40}",
    "auth0-client-secret": "AUTH0_CLIENT_SECRET={url:64}",
    "launchdarkly-key": "LAUNCHDARKLY_SDK_KEY=sdk-{uuid}",
    "stripe-secret-key": "Stripe.api_key = \"sk_live_{an:99}\"",
    "stripe-restricted-key": "rk_live_{an:99}",
    "stripe-webhook-secret": "STRIPE_WEBHOOK_SECRET=whsec_{an:32}",
    "shopify-access-token": "shpat_{hex:32}",
    "shopify-custom-app-token": "shpca_{hex:32}",
    "shopify-private-app-token": "shppa_{hex:32}",
    "shopify-shared-secret": "shpss_{hex:32}",
    "square-access-token": "EAAA{url:60}",
    "square-oauth-secret": "sq0csp-{url:43}",
    "braintree-access-token": "access_token$production${an36:16}${hex:32}",
    "razorpay-key": "rzp_live_{an:14}",
    "flutterwave-secret-key": "FLWSECK-{hex:32}-X",
    "mollie-api-key": "MOLLIE_API_KEY=live_{an:30}",
    "gocardless-token": "GOCARDLESS_ACCESS_TOKEN=live_{url:40}",
    "duffel-token": "duffel_live_{url:43}",
    "easypost-api-key": "EZAK{an:54}",
    "shippo-token": "shippo_live_{hex:40}",
    "plaid-access-token": "access-sandbox-{uuid}",
    "woocommerce-consumer-secret": "cs_{hex:40}",
    "jwt": "Authorization: Bearer {S}",
    "private-key-pem": "{S}",
    "openssh-private-key": "{S}",
    "pgp-private-key": "{S}",
    "putty-private-key": "{S}",
    "wireguard-private-key": "[Interface]\nPrivateKey = {b64:42}A=\nAddress = 10.0.0.1/24",
    "basic-auth-header": "Authorization: Basic {S}",
    "bearer-token-header": "curl -H 'Authorization: Bearer {an:20}.{url:30}' https://api.internal",
    "postgres-url-password": "DATABASE_URL=postgres://app:{an:14}@db.internal:5432/app",
    "mysql-url-password": "mysql://root:{an:14}@127.0.0.1:3306/shop",
    "mongodb-url-password": "mongodb+srv://svc:{an:14}@cluster0.ab1cd.mongodb.net/db",
    "redis-url-password": "REDIS_URL=rediss://:{an:14}@cache.internal:6380/0",
    "amqp-url-password": "amqps://worker:{an:14}@mq.internal/vhost",
    "mssql-url-password": "sqlserver://sa:{an:14}@db.internal:1433",
    "other-db-url-password": "clickhouse://default:{an:14}@ch.internal:8443",
    "jdbc-url-password": "jdbc:postgresql://db.internal/app?user=app&password={an:14}",
    "connection-string-password": "Server=tcp:db.internal,1433;Database=app;User Id=app;Password={an:14};",
    "url-credentials": "git clone https://deploy:{an:14}@git.internal/team/repo.git",
    "generic-password": "DB_PASSWORD=\"{an:12}!\"",
    "generic-secret": "client_secret: {an:32}",
    "generic-api-key": "X-API-Key: {an:32}",
    "generic-token": "refresh_token = \"{an:40}\"",
}


# Rules whose sample also contains another rule's format, in text order.
WANT = {"aws-secret-near-id": ["aws-access-key-id", "aws-secret-near-id"]}


def special(rule):
    if rule == "jwt":
        return jwt()
    if rule == "private-key-pem":
        return pem("RSA PRIVATE KEY")
    if rule == "openssh-private-key":
        return pem("OPENSSH PRIVATE KEY")
    if rule == "pgp-private-key":
        return pem("PGP PRIVATE KEY BLOCK", 12)
    if rule == "putty-private-key":
        lines = "\n".join(rand("b64", 64) for _ in range(3))
        return ("PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: me\nPublic-Lines: 1\n"
                + rand("b64", 64) + "\nPrivate-Lines: 3\n" + lines + "\nPrivate-MAC: " + rand("hex", 64))
    if rule in ("basic-auth-header", "docker-config-auth"):
        return base64.b64encode(f"deploy:{rand('an', 14)}".encode()).decode()
    raise KeyError(rule)


def main():
    families, rule_family, family = {}, {}, "misc"
    for line in open(RULES):
        if line.startswith("## "):
            family = re.sub(r"[^a-z0-9]+", "-", line[3:].strip().lower()).strip("-")
        elif line.strip() and not line.startswith("#"):
            rule_family[line.split(" ")[0]] = family
    missing = sorted(set(rule_family) - set(T))
    assert not missing, f"no template for {missing}"
    for rule, fam in rule_family.items():
        text = expand(T[rule])
        if "{S}" in text:
            text = text.replace("{S}", special(rule))
        cases = families.setdefault(fam, [])
        cases.append({"desc": f"{rule}: documented format", "text": f"before\n{text}\nafter", "want": WANT.get(rule, [rule])})
        # The same layout with every random part written as X: a placeholder, never a finding.
        fake = re.sub(r"\{(?!S\})[^}]*\}", "XXXXXXXXXX", T[rule]).replace("{S}", "XXXXXXXXXXXXXXXXXXXX")
        cases.append({"desc": f"{rule}: placeholder in the same layout", "text": fake, "notWant": [rule]})
    for fam, cases in families.items():
        with open(os.path.join(HERE, "vectors", f"{fam}.json"), "w") as f:
            json.dump({"source": "make_vectors.py (templates from issuers' documented formats), seed 20261123",
                       "cases": cases}, f, indent=1)
            f.write("\n")
    print(len(rule_family), "rules,", sum(len(c) for c in families.values()), "vectors")


if __name__ == "__main__":
    main()
