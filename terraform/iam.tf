# IRSA: the gateway's service account (and only it) may assume this role. The role may use the
# keystore and log keys for envelope encryption and write/read log tiles in the archive bucket.
# It cannot delete objects, change Object Lock retention, manage keys or read other buckets.
data "aws_iam_policy_document" "irsa_trust" {
  statement {
    sid     = "GatewayServiceAccount"
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [var.eks_oidc_provider_arn]
    }
    condition {
      test     = "StringEquals"
      variable = "${local.oidc_provider_host}:sub"
      values   = [local.service_account_sub]
    }
    condition {
      test     = "StringEquals"
      variable = "${local.oidc_provider_host}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "gateway" {
  name                 = "${var.name}-gateway"
  description          = "SovereignRouter gateway pods (IRSA, ${var.namespace}/${var.service_account_name})"
  assume_role_policy   = data.aws_iam_policy_document.irsa_trust.json
  max_session_duration = 3600
  tags                 = local.tags
}

data "aws_iam_policy_document" "gateway" {
  statement {
    sid = "EnvelopeEncryption"
    actions = [
      "kms:Encrypt",
      "kms:Decrypt",
      "kms:GenerateDataKey",
      "kms:DescribeKey",
    ]
    resources = [aws_kms_key.this["keystore"].arn, aws_kms_key.this["log"].arn]
  }

  statement {
    sid       = "ArchiveEncryption"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = [aws_kms_key.this["storage"].arn]
    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["s3.${local.region}.amazonaws.com"]
    }
  }

  statement {
    sid       = "TileArchiveList"
    actions   = ["s3:ListBucket"]
    resources = [aws_s3_bucket.log_archive.arn]
  }

  statement {
    sid       = "TileArchiveObjects"
    actions   = ["s3:GetObject", "s3:PutObject"]
    resources = ["${aws_s3_bucket.log_archive.arn}/*"]
  }
}

resource "aws_iam_role_policy" "gateway" {
  name   = "${var.name}-gateway"
  role   = aws_iam_role.gateway.id
  policy = data.aws_iam_policy_document.gateway.json
}
