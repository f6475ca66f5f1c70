#!/usr/bin/env bash
# The main job end to end on SQLite: forge new → make:resource → db:migrate → serve → real requests.
# Run through `make demo`, which installs forge first. The app lives in $DEMO_DIR/shop; its .build
# is kept between runs so a second demo builds incrementally.
set -euo pipefail

DEMO_DIR="${DEMO_DIR:-.build-demo}"
PORT="${PORT:-8787}"
mkdir -p "$DEMO_DIR"
cd "$DEMO_DIR"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

if [ -d shop/.build ]; then mv shop/.build shop.build-cache; fi
rm -rf shop

step "forge new shop"
forge new shop
if [ -d shop.build-cache ]; then mv shop.build-cache shop/.build; fi
cd shop

step "forge make:resource Product -f name:string:required,max:120 -f price:float:required,min:0 -f in_stock:boolean"
forge make:resource Product -f name:string:required,max:120 -f price:float:required,min:0 -f in_stock:boolean

step "forge make:resource Order -f total:money:required,ge:0 -p   (behind authentication)"
forge make:resource Order -f total:money:required,ge:0 -p

step "forge db:migrate   (builds the app: its own files only, it links the prebuilt runtime)"
forge db:migrate

step "forge route:list"
forge route:list

step "forge serve --port $PORT"
forge serve --port "$PORT" > serve.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$PORT/health" > /dev/null && break
    sleep 0.2
done

show() {
    printf '\n$ curl -s -X %s http://127.0.0.1:%s%s %s\n' "$1" "$PORT" "$2" "${3:+-d '$3'}"
    if [ -n "${3:-}" ]; then
        curl -s -w '\n(HTTP %{http_code})\n' -X "$1" -H 'content-type: application/json' -d "$3" "http://127.0.0.1:$PORT$2"
    else
        curl -s -w '\n(HTTP %{http_code})\n' -X "$1" "http://127.0.0.1:$PORT$2"
    fi
}

step "real requests"
show GET /health
show POST /api/products '{"name":"Desk lamp","price":19.5,"in_stock":true}'
show POST /api/products '{"price":-3}'
show GET "/api/products?page=1&per_page=10"
show PATCH /api/products/1 '{"price":17.25}'
show GET /api/products/1

step "accounts: protected routes answer 401 until the caller signs in"
show GET /api/orders
show POST /api/auth/register '{"email":"ada@example.com","password":"correct horse battery"}'
printf '\n$ curl -s -X POST http://127.0.0.1:%s/api/auth/login -d '"'"'{"email":"ada@example.com",...}'"'"'\n' "$PORT"
TOKEN=$(curl -s -X POST -H 'content-type: application/json' -d '{"email":"ada@example.com","password":"correct horse battery"}' \
    "http://127.0.0.1:$PORT/api/auth/login" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
printf '(an access token of %s characters)\n' "${#TOKEN}"
printf '\n$ curl -s -X POST http://127.0.0.1:%s/api/orders -H "Authorization: Bearer $TOKEN" -d '"'"'{"total":42.5}'"'"'\n' "$PORT"
curl -s -w '\n(HTTP %{http_code})\n' -X POST -H 'content-type: application/json' -H "Authorization: Bearer $TOKEN" \
    -d '{"total":42.5}' "http://127.0.0.1:$PORT/api/orders"

step "forge doctor"
forge doctor
