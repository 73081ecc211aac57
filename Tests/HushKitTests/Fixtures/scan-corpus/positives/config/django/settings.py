SECRET_KEY = 'i+=pomu=-!=$(kuaq4@=5ifb+l+!*e!_q$ndg2y0padpaa7a+9'
DATABASES = {'default': {
    'PASSWORD': 'oporto9188?',
}}
