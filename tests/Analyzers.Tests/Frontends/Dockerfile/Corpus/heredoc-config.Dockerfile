# syntax=docker/dockerfile:1
FROM nginx:1.27-alpine AS web

COPY <<EOF /etc/nginx/conf.d/default.conf
server {
    listen 8080;
    location / {
        root /usr/share/nginx/html;
        try_files \$uri /index.html;
    }
}
EOF

COPY <<'INDEX' <<"ROBOTS" /usr/share/nginx/html/
<!doctype html>
<title>${NOT_EXPANDED}</title>
INDEX
User-agent: *
Disallow:
ROBOTS

RUN <<EOT bash
  set -euo pipefail
  chown -R nginx:nginx /usr/share/nginx/html
  nginx -t
EOT

RUN cat <<EOF > /docker-entrypoint.d/99-banner.sh && chmod +x /docker-entrypoint.d/99-banner.sh
#!/bin/sh
echo "serving on 8080"
EOF

RUN <<EOF
#!/usr/bin/env python3
print("python heredoc body, not shell")
EOF

USER nginx
EXPOSE 8080
