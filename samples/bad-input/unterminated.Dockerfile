FROM python:3.12-slim
USER 10001
WORKDIR /app
RUN <<EOF
set -e
echo "this heredoc is never closed"
