# Three customer-managed keys with automatic rotation:
#   keystore - key-encryption key (KEK) of the gateway's envelope-encrypted keystore (issue 6)
#   log      - wraps the log's Ed25519 checkpoint signing key (issue 6)
#   storage  - encryption at rest of RDS, ElastiCache, the S3 tile archive and the Secrets Manager copies
locals {
  kms_keys = {
    keystore = "SovereignRouter keystore KEK (${var.name})"
    log      = "SovereignRouter log signing-key wrapping (${var.name})"
    storage  = "SovereignRouter storage encryption at rest (${var.name})"
  }
}

data "aws_iam_policy_document" "kms" {
  #checkov:skip=CKV_AWS_109:This is a KMS key policy: Resource "*" means "this key" only, and kms:* for the account root is AWS's default key policy that keeps the key manageable through IAM.
  #checkov:skip=CKV_AWS_111:Same key-policy scope as above; the only other statement is limited to this account's RDS/ElastiCache/S3/Secrets Manager via kms:ViaService and kms:CallerAccount.
  #checkov:skip=CKV_AWS_356:In a key policy "*" cannot name anything but the key it is attached to.
  for_each = local.kms_keys

  # Account administrators manage the key through IAM (AWS's default key policy); without this
  # statement a key can become unmanageable. Usage by the gateway is granted only to the IRSA
  # role, below and in iam.tf.
  statement {
    sid       = "AccountAdministration"
    actions   = ["kms:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:${local.partition}:iam::${local.account_id}:root"]
    }
  }

  dynamic "statement" {
    for_each = each.key == "storage" ? [1] : []
    content {
      sid       = "AwsServicesInThisAccount"
      actions   = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey", "kms:CreateGrant"]
      resources = ["*"]
      principals {
        type        = "AWS"
        identifiers = ["*"]
      }
      condition {
        test     = "StringEquals"
        variable = "kms:CallerAccount"
        values   = [local.account_id]
      }
      condition {
        test     = "StringEquals"
        variable = "kms:ViaService"
        values = [
          "rds.${local.region}.amazonaws.com",
          "elasticache.${local.region}.amazonaws.com",
          "s3.${local.region}.amazonaws.com",
          "secretsmanager.${local.region}.amazonaws.com",
        ]
      }
    }
  }
}

resource "aws_kms_key" "this" {
  for_each = local.kms_keys

  description              = each.value
  key_usage                = "ENCRYPT_DECRYPT"
  customer_master_key_spec = "SYMMETRIC_DEFAULT"
  enable_key_rotation      = true
  rotation_period_in_days  = var.kms_rotation_period_days
  deletion_window_in_days  = var.kms_deletion_window_days
  multi_region             = false
  policy                   = data.aws_iam_policy_document.kms[each.key].json
  tags                     = local.tags
}

resource "aws_kms_alias" "this" {
  for_each = local.kms_keys

  name          = "alias/${var.name}-${each.key}"
  target_key_id = aws_kms_key.this[each.key].key_id
}
