-- V1: the schema of the original DAT server (1.1.1), exactly as its only Alembic migration
-- (b6e30fbd6762_init_db) created it. An existing database of the old server is adopted by a
-- Flyway baseline at this version. Never edit this file.

CREATE TYPE userrole AS ENUM ('NONE', 'DOCTOR', 'NURSE', 'PATIENT');

CREATE TABLE users (
    login_id VARCHAR NOT NULL, 
    hashed_password VARCHAR NOT NULL, 
    name VARCHAR NOT NULL, 
    role userrole NOT NULL, 
    is_verified BOOLEAN NOT NULL, 
    id SERIAL NOT NULL, 
    is_deleted BOOLEAN NOT NULL, 
    created_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
    updated_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
    PRIMARY KEY (id)
);

CREATE INDEX ix_users_id ON users (id);

CREATE UNIQUE INDEX ix_users_login_id ON users (login_id);

CREATE TABLE doctors (
    user_id INTEGER NOT NULL, 
    id SERIAL NOT NULL, 
    is_deleted BOOLEAN NOT NULL, 
    created_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
    updated_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
    PRIMARY KEY (id), 
    FOREIGN KEY(user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX ix_doctors_id ON doctors (id);

CREATE TABLE tokens (
    refresh_token VARCHAR NOT NULL, 
    user_id INTEGER NOT NULL, 
    ip_address VARCHAR(45), 
    user_agent VARCHAR(255), 
    id SERIAL NOT NULL, 
    is_deleted BOOLEAN NOT NULL, 
    created_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
    updated_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
    PRIMARY KEY (id), 
    FOREIGN KEY(user_id) REFERENCES users (id)
);

CREATE INDEX ix_tokens_id ON tokens (id);

CREATE UNIQUE INDEX ix_tokens_refresh_token ON tokens (refresh_token);

CREATE TABLE patients (
    code VARCHAR NOT NULL, 
    name VARCHAR NOT NULL, 
    created_by INTEGER NOT NULL, 
    id SERIAL NOT NULL, 
    is_deleted BOOLEAN NOT NULL, 
    created_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
    updated_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
    PRIMARY KEY (id), 
    FOREIGN KEY(created_by) REFERENCES doctors (id)
);

CREATE UNIQUE INDEX ix_patients_code ON patients (code);

CREATE INDEX ix_patients_id ON patients (id);

CREATE TYPE diagnosistype AS ENUM ('NONE', 'BALANCEBALL', 'FITBOX', 'TENNISBALL');

CREATE TYPE diagnosisstate AS ENUM ('READY', 'STARTED', 'CANCELLED', 'FAILED', 'COMPLETED', 'EXPIRED');

CREATE TABLE diagnoses (
    doctor_id INTEGER NOT NULL, 
    patient_id INTEGER NOT NULL, 
    code VARCHAR NOT NULL, 
    type diagnosistype NOT NULL, 
    level INTEGER NOT NULL, 
    state diagnosisstate NOT NULL, 
    expired_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
    id SERIAL NOT NULL, 
    is_deleted BOOLEAN NOT NULL, 
    created_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
    updated_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
    PRIMARY KEY (id), 
    FOREIGN KEY(doctor_id) REFERENCES doctors (id), 
    FOREIGN KEY(patient_id) REFERENCES patients (id)
);

CREATE INDEX ix_diagnoses_id ON diagnoses (id);

CREATE TABLE diagnosis_results (
    diagnosis_id INTEGER NOT NULL, 
    original_file_path VARCHAR NOT NULL, 
    processed_file_path VARCHAR, 
    score FLOAT, 
    time_spent FLOAT, 
    fps FLOAT, 
    id SERIAL NOT NULL, 
    is_deleted BOOLEAN NOT NULL, 
    created_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
    updated_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, 
    PRIMARY KEY (id), 
    FOREIGN KEY(diagnosis_id) REFERENCES diagnoses (id)
);

CREATE INDEX ix_diagnosis_results_id ON diagnosis_results (id);

