"""
Django settings for mysite project.
"""

from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

# SECURITY WARNING: keep the secret key used in production secret!
SECRET_KEY = 'django-insecure-z-2womdwqk%d=osc)&=pks-)vb2aczd1@q*0xahrraee7h_n+0'

DEBUG = False

ALLOWED_HOSTS = ['mysite.example.com']

INSTALLED_APPS = [
    'django.contrib.admin',
    'django.contrib.auth',
    'django.contrib.contenttypes',
    'django.contrib.sessions',
    'django.contrib.messages',
    'django.contrib.staticfiles',
    'shop',
]

DATABASES = {
    'default': {
        'ENGINE': 'django.db.backends.postgresql',
        'NAME': 'mysite',
        'USER': 'mysite',
        'PASSWORD': 'Mysite2023!',
        'HOST': '10.0.3.15',
        'PORT': '5432',
    }
}

EMAIL_HOST = 'smtp.mailgun.org'
EMAIL_HOST_USER = 'postmaster@mg.mysite.example.com'
EMAIL_HOST_PASSWORD = 'c7595273c51f7848880bdcd77ae9e5be-cf94e4c5-3306b419'

STATIC_URL = 'static/'
DEFAULT_AUTO_FIELD = 'django.db.models.BigAutoField'
