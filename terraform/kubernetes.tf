# The namespace (Pod Security "restricted" enforced: the chart's pods satisfy it) and the two
# Secrets the chart references by name. Their values live in the Terraform state: keep the state
# in an encrypted, access-controlled backend (e.g. S3 with SSE-KMS), or set
# create_kubernetes_secrets = false and sync the Secrets Manager copies with External Secrets.
resource "kubernetes_namespace_v1" "this" {
  count = var.create_namespace ? 1 : 0

  metadata {
    name = var.namespace
    labels = {
      "pod-security.kubernetes.io/enforce" = "restricted"
      "pod-security.kubernetes.io/audit"   = "restricted"
      "pod-security.kubernetes.io/warn"    = "restricted"
    }
  }
}

locals {
  namespace = var.create_namespace ? kubernetes_namespace_v1.this[0].metadata[0].name : var.namespace
}

resource "kubernetes_secret_v1" "postgres" {
  count = var.create_kubernetes_secrets ? 1 : 0

  metadata {
    name      = local.postgres_secret
    namespace = local.namespace
  }
  data = {
    password = random_password.postgres.result
  }
  type = "Opaque"
}

resource "kubernetes_secret_v1" "redis" {
  count = var.create_kubernetes_secrets ? 1 : 0

  metadata {
    name      = local.redis_secret
    namespace = local.namespace
  }
  data = {
    auth-token = random_password.redis.result
  }
  type = "Opaque"
}

# The data-dir secrets every replica shares, from a data dir of a first `./sovereign up` (README:
# Deploy). Optional: with shared_secrets_dir empty, create the Secret yourself (kubectl) before
# `terraform apply` installs the release. Either way the gateway pods copy them into their data
# dir in the chart's init container; with this resource their values are also in the state.
resource "kubernetes_secret_v1" "shared" {
  count = var.shared_secrets_dir != "" ? 1 : 0

  metadata {
    name      = local.shared_secret
    namespace = local.namespace
  }
  data = merge(
    { for f in local.shared_secret_files : f => file("${var.shared_secrets_dir}/${f}") },
    fileexists("${var.shared_secrets_dir}/demo.key") ? { "demo.key" = file("${var.shared_secrets_dir}/demo.key") } : {},
  )
  type = "Opaque"
}

locals {
  shared_secret_files = ["admin.token", "keyhash.secret", "log.key", "scan.key", "fingerprint.keys"]
}

# The CA bundle RDS certificates chain to, for storage.postgres.ssl-mode verify-full. Not secret.
resource "kubernetes_config_map_v1" "rds_ca" {
  metadata {
    name      = "${var.name}-rds-ca"
    namespace = local.namespace
  }
  data = {
    (local.rds_ca_key) = var.rds_ca_bundle_pem
  }
}

# Secrets Manager copies (encrypted with the storage key) for break-glass access and for
# External Secrets Operator.
resource "aws_secretsmanager_secret" "postgres" {
  #checkov:skip=CKV2_AWS_57:The password is rotated by `terraform apply -replace=random_password.postgres` together with the Kubernetes Secret; a Lambda rotator would desynchronise the two until issue 8 reads it live.
  name_prefix             = "${var.name}/postgresql-"
  description             = "SovereignRouter RDS master password"
  kms_key_id              = aws_kms_key.this["storage"].arn
  recovery_window_in_days = 7
  tags                    = local.tags
}

resource "aws_secretsmanager_secret_version" "postgres" {
  secret_id     = aws_secretsmanager_secret.postgres.id
  secret_string = random_password.postgres.result
}

resource "aws_secretsmanager_secret" "redis" {
  #checkov:skip=CKV2_AWS_57:The AUTH token is rotated with `terraform apply -replace=random_password.redis` (auth_token_update_strategy = ROTATE keeps the old token valid meanwhile).
  name_prefix             = "${var.name}/redis-"
  description             = "SovereignRouter ElastiCache AUTH token"
  kms_key_id              = aws_kms_key.this["storage"].arn
  recovery_window_in_days = 7
  tags                    = local.tags
}

resource "aws_secretsmanager_secret_version" "redis" {
  secret_id     = aws_secretsmanager_secret.redis.id
  secret_string = random_password.redis.result
}
