"""Deployment: production Streamlit settings, a container entry point, and N replicas behind HAProxy."""
