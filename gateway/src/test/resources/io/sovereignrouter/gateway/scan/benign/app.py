import hashlib
import os
import uuid

from sklearn.linear_model import LogisticRegression  # sk-learn

OPENAI_API_KEY = os.environ["OPENAI_API_KEY"]
api_key = os.getenv("ANTHROPIC_API_KEY", "")
password = getpass.getpass("Password: ")
secret_key = settings.SECRET_KEY
token = request.headers.get("Authorization", "").removeprefix("Bearer ")

def fingerprint(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()  # e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855

run_id = uuid.uuid4()  # e.g. 6fa459ea-ee8a-3ca4-894e-db77e160355e
client = OpenAI(api_key=api_key, base_url="http://127.0.0.1:8080/v1")
