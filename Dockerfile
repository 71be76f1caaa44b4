# One image for the API (gunicorn), the Celery workers and Celery beat; docker-compose.yml
# picks the command. Build: docker build -t gatehouse .
FROM python:3.11-slim

# PYTHONPATH: the code runs from /app (where migrations/ and instance/ live), not from the
# copy that `pip install .` puts in site-packages.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONPATH=/app

WORKDIR /app
RUN groupadd --system --gid 10001 gatehouse \
    && useradd --system --uid 10001 --gid gatehouse --create-home --shell /usr/sbin/nologin gatehouse

# Dependencies first, in their own layer: it is rebuilt only when pyproject.toml changes.
COPY pyproject.toml README.md ./
RUN pip install .

COPY . .
RUN pip install --no-deps . \
    && rm -rf build *.egg-info \
    && mkdir -p instance \
    && chown gatehouse:gatehouse instance

USER gatehouse
EXPOSE 8000
CMD ["gunicorn", "--no-control-socket", "-w", "2", "-b", "0.0.0.0:8000", "api:create_app()"]
